package io.github.dingtalkroles.inmemory;

import io.github.dingtalkroles.domain.Department;
import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.testkit.RoleAssignmentsContract;
import java.util.List;

class InMemoryRoleAssignmentsContractTest extends RoleAssignmentsContract {
    @Override
    protected Backend newBackend(List<Department> departments, List<Employee> employees) {
        InMemoryRoleDirectory.Builder builder = InMemoryRoleDirectory.builder();
        departments.forEach(builder::department);
        employees.forEach(builder::employee);
        InMemoryRoleDirectory directory = builder.build();
        return new Backend(directory, directory);
    }
}
