package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.localfile.LocalFileRoleDirectory;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "add-employee", mixinStandardHelpOptions = true,
        description = {"Add an employee to the local store's roster (or update one).",
                "An existing user id gets the name and departments given and keeps the roles they hold. Local "
                        + "store only: DingTalk manages employees in its contacts API."})
final class AddEmployeeCommand implements Runnable {
    @ParentCommand
    RolesCommand roles;

    @Option(names = "--user-id", required = true, paramLabel = "USER", description = "The employee's user id.")
    String userId;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Their name.")
    String name;

    @Option(names = "--dept-id", split = ",", paramLabel = "D",
            description = {"A department they belong to (add it first).", IdOptions.REPEATABLE})
    List<Long> deptIds;

    @Override
    public void run() {
        LocalFileRoleDirectory store = roles.localOnly("add-employee");
        Employee employee = new Employee(UserId.of(userId), name, IdOptions.departments(deptIds));
        store.addEmployee(employee);
        roles.out().employee(employee);
    }
}
