package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.Department;
import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.localfile.LocalFileRoleDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "add-department", mixinStandardHelpOptions = true,
        description = {"Add a department to the local store's roster (or rename one).",
                "An existing id is renamed; the same name again changes nothing. Local store only: DingTalk "
                        + "manages departments in its contacts API."})
final class AddDepartmentCommand implements Runnable {
    @ParentCommand
    RolesCommand roles;

    @Option(names = "--dept-id", required = true, paramLabel = "D", description = "The department's id.")
    long deptId;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Its name.")
    String name;

    @Override
    public void run() {
        LocalFileRoleDirectory store = roles.localOnly("add-department");
        Department department = new Department(DeptId.of(deptId), name);
        store.addDepartment(department);
        roles.out().department(department);
    }
}
