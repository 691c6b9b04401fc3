package io.github.dingtalkroles.port;

import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A bare list of groups behind the listing call only, so tests can shift it between pages. */
class ListBackedDirectory implements RoleDirectory {
    final List<RoleGroup> groups = new ArrayList<>();
    final List<PageRequest> requests = new ArrayList<>();
    Consumer<ListBackedDirectory> afterEachPage = d -> { };

    static ListBackedDirectory withGroups(int count) {
        ListBackedDirectory d = new ListBackedDirectory();
        for (int i = 1; i <= count; i++) {
            d.groups.add(group(i));
        }
        return d;
    }

    static RoleGroup group(long id) {
        return RoleGroup.empty(RoleGroupId.of(id), RoleGroupName.of("group-" + id));
    }

    @Override
    public RoleGroupPage listRoleGroups(PageRequest page) {
        requests.add(page);
        int from = Math.min(page.offset(), groups.size());
        int to = Math.min(from + page.size(), groups.size());
        RoleGroupPage result = new RoleGroupPage(page, List.copyOf(groups.subList(from, to)), to < groups.size());
        afterEachPage.accept(this);
        return result;
    }

    @Override
    public RoleGroup addRoleGroup(RoleGroupName name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Role addRole(RoleGroupId groupId, RoleName name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void renameRole(RoleId roleId, RoleName newName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Role> findRole(RoleId roleId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteRole(RoleId roleId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<RoleGroup> findRoleGroup(RoleGroupId groupId) {
        throw new UnsupportedOperationException();
    }
}
