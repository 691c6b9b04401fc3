package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.RoleGroupName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "add-group", mixinStandardHelpOptions = true, description = "Create an empty role group.")
final class AddGroupCommand implements Runnable {
    @ParentCommand
    RolesCommand roles;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The new group's name.")
    String name;

    @Override
    public void run() {
        RoleGroupName groupName = RoleGroupName.of(name);
        roles.out().group(roles.directory().addRoleGroup(groupName));
    }
}
