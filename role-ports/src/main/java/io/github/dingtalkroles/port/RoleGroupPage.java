package io.github.dingtalkroles.port;

import io.github.dingtalkroles.domain.RoleGroup;
import java.util.List;
import java.util.Objects;

/**
 * One page of role groups, each with its roles, as DingTalk's {@code /topapi/role/list} returns it.
 *
 * @param request the page that was asked for
 * @param groups the groups on the page, at most {@code request.size()}, in the backend's stable order
 * @param hasMore whether groups follow this page
 */
public record RoleGroupPage(PageRequest request, List<RoleGroup> groups, boolean hasMore) {
    /**
     * Copies the groups and checks the page.
     *
     * @param request the page that was asked for; not null
     * @param groups the groups on the page; not null
     * @param hasMore whether groups follow this page
     * @throws IllegalArgumentException if the page holds more groups than were asked for
     * @throws NullPointerException if {@code request} or {@code groups} is null
     */
    public RoleGroupPage {
        Objects.requireNonNull(request, "request");
        groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
        if (groups.size() > request.size()) {
            throw new IllegalArgumentException("a page of size " + request.size() + " cannot hold "
                    + groups.size() + " groups");
        }
    }
}
