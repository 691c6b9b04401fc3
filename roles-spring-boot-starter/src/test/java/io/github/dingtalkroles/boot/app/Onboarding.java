package io.github.dingtalkroles.boot.app;

import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.RoleDirectory;
import java.util.List;
import org.springframework.stereotype.Service;

/** The platform's own code: it only knows the port. */
@Service
public class Onboarding {
    private final RoleDirectory roles;

    public Onboarding(RoleDirectory roles) {
        this.roles = roles;
    }

    /** Creates a department's role group with its first role. */
    public Role openDepartment(String department, String firstRole) {
        RoleGroup group = roles.addRoleGroup(RoleGroupName.of(department));
        return roles.addRole(group.id(), RoleName.of(firstRole));
    }

    public List<String> groupNames() {
        return roles.allRoleGroups().map(group -> group.name().value()).toList();
    }
}
