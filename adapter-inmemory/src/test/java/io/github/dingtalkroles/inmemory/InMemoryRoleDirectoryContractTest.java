package io.github.dingtalkroles.inmemory;

import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.testkit.RoleDirectoryContract;

class InMemoryRoleDirectoryContractTest extends RoleDirectoryContract {
    @Override
    protected RoleDirectory newDirectory() {
        return InMemoryRoleDirectory.create();
    }
}
