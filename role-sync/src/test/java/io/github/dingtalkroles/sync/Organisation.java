package io.github.dingtalkroles.sync;

import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.Department;
import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** In-memory organisations and desired-state shorthands shared by the tests. */
final class Organisation {
    /** Employees user1 .. user30. */
    static final int EMPLOYEES = 30;
    /** Departments 1 .. 8. */
    static final int DEPARTMENTS = 8;

    private Organisation() {
    }

    /** A fresh organisation (the Default group) with employees user1..user30 and departments 1..8. */
    static InMemoryRoleDirectory withRoster() {
        InMemoryRoleDirectory.Builder builder = InMemoryRoleDirectory.builder();
        IntStream.rangeClosed(1, DEPARTMENTS).forEach(d -> builder.department(new Department(DeptId.of(d), "Dept " + d)));
        IntStream.rangeClosed(1, EMPLOYEES).forEach(u -> builder.employee(
                new Employee(user(u), "User " + u, List.of(DeptId.of(1 + u % DEPARTMENTS)))));
        return builder.build();
    }

    static UserId user(int n) {
        return UserId.of("user" + n);
    }

    static DesiredMember member(int n, long... departments) {
        return new DesiredMember(user(n), new ManagementScope(Arrays.stream(departments).mapToObj(DeptId::of).toList()));
    }

    static DesiredRole role(String name, DesiredMember... members) {
        return DesiredRole.named(RoleName.of(name)).withMembers(List.of(members));
    }

    static DesiredGroup group(String name, DesiredRole... roles) {
        return DesiredGroup.of(RoleGroupName.of(name), roles);
    }
}
