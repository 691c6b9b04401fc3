package io.github.dingtalkroles.port;

import io.github.dingtalkroles.domain.RoleMember;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One page of a role's members, as DingTalk's {@code /topapi/role/simplelist} returns it.
 *
 * @param request the page that was asked for
 * @param members the members on the page, at most {@code request.size()}, each once, in the backend's
 *     stable order
 * @param hasMore whether members follow this page
 */
public record MemberPage(MemberPageRequest request, List<RoleMember> members, boolean hasMore) {
    /**
     * Copies the members and checks the page.
     *
     * @param request the page that was asked for; not null
     * @param members the members on the page; not null
     * @param hasMore whether members follow this page
     * @throws IllegalArgumentException if the page holds more members than asked for, or one twice
     * @throws NullPointerException if {@code request} or {@code members} is null
     */
    public MemberPage {
        Objects.requireNonNull(request, "request");
        members = List.copyOf(Objects.requireNonNull(members, "members"));
        if (members.size() > request.size()) {
            throw new IllegalArgumentException("a page of size " + request.size() + " cannot hold "
                    + members.size() + " members");
        }
        Set<Object> seen = new HashSet<>();
        for (RoleMember member : members) {
            if (!seen.add(member.userId())) {
                throw new IllegalArgumentException("member " + member.userId() + " appears twice on one page");
            }
        }
    }
}
