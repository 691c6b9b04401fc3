package io.github.dingtalkroles.port;

import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The roles of one organisation, grouped in role groups: the port every backend implements
 * (DingTalk over HTTP, in memory, or your own).
 *
 * <p>This Javadoc is the normative contract; {@code RoleDirectoryContract} in {@code role-testkit}
 * checks it for any implementation.
 *
 * <h2>The directory</h2>
 * Every directory holds a Default group ({@link RoleGroupName#isDefault()}) with built-in roles. The
 * Default group cannot be changed: no role can be added to it and its roles cannot be renamed. Role
 * names are unique within their group; role group names are unique within the directory. Names are
 * compared after trimming, case-sensitively. Ids are assigned by the directory, are positive and are
 * never reused for another role or group.
 *
 * <h2>Input</h2>
 * Arguments are domain values, already checked by their constructors (names trimmed, non-blank,
 * bounded, without control characters; ids positive). A {@code null} argument throws
 * {@link NullPointerException}.
 *
 * <h2>Failures</h2>
 * Every failure is a {@link RoleDirectoryException}; no technology exception (HTTP, JSON, I/O)
 * crosses this interface. Each method lists the subclasses its answer can produce; any method may
 * also throw {@link NotAuthorizedException}, {@link ThrottledException} and
 * {@link UnavailableException} when its backend is remote. A failed write leaves the directory
 * unchanged, unless {@link UnavailableException#isOutcomeUnknown()} says otherwise.
 *
 * <h2>Threads</h2>
 * Implementations are safe for concurrent use. Each operation is atomic: a concurrent reader sees a
 * write entirely or not at all; of concurrent writes that conflict (two roles with one name in one
 * group), exactly one succeeds and the others throw {@link ConflictException}.
 *
 * <p>One allowance for remote backends: a backend that recovers from a lost reply by looking the
 * name up (as the DingTalk adapter does for {@link #addRole} and {@link #addRoleGroup}, rather than
 * risk a duplicate or a false failure) returns the role or group it finds. If another caller created
 * that very name in the same moment, both callers are handed the same role or group.
 */
public interface RoleDirectory {

    /**
     * Creates an empty role group (DingTalk's {@code add_role_group}).
     *
     * @param name the new group's name
     * @return the new group: its new id, its name, no roles
     * @throws ConflictException {@link ConflictException.Reason#DUPLICATE_NAME} if a group of that name
     *     exists (including the Default group)
     */
    RoleGroup addRoleGroup(RoleGroupName name);

    /**
     * Adds a role to a group (DingTalk's {@code add_role}).
     *
     * @param groupId the group to add the role to
     * @param name the new role's name
     * @return the new role: its new id, its name, {@code groupId}
     * @throws NotFoundException {@link NotFoundException.Subject#ROLE_GROUP} if no group has that id
     * @throws ConflictException {@link ConflictException.Reason#DUPLICATE_NAME} if the group has a role
     *     of that name; {@link ConflictException.Reason#IMMUTABLE_DEFAULT_GROUP} if it is the Default
     *     group
     */
    Role addRole(RoleGroupId groupId, RoleName name);

    /**
     * Renames a role (DingTalk's {@code update_role}). Renaming a role to the name it has succeeds and
     * changes nothing, so the call is safe to repeat.
     *
     * @param roleId the role to rename
     * @param newName its new name
     * @throws NotFoundException {@link NotFoundException.Subject#ROLE} if no role has that id
     * @throws ConflictException {@link ConflictException.Reason#DUPLICATE_NAME} if another role of the
     *     same group has that name; {@link ConflictException.Reason#IMMUTABLE_DEFAULT_GROUP} if the role
     *     is a built-in role of the Default group
     */
    void renameRole(RoleId roleId, RoleName newName);

    /**
     * Looks one role up (DingTalk's {@code /topapi/role/getrole}).
     *
     * @param roleId the role's id
     * @return the role, with its name and group, or empty if no role has that id
     */
    Optional<Role> findRole(RoleId roleId);

    /**
     * Deletes a role (DingTalk's {@code /topapi/role/deleterole}). Its id is not reused.
     *
     * <p>A remote backend that loses the reply and, on retry, is told the role does not exist reports
     * success: the lost attempt deleted it.
     *
     * @param roleId the role to delete
     * @throws NotFoundException {@link NotFoundException.Subject#ROLE} if no role has that id
     * @throws ConflictException {@link ConflictException.Reason#IMMUTABLE_DEFAULT_GROUP} if the role is a
     *     built-in role of the Default group; {@link ConflictException.Reason#ROLE_HAS_MEMBERS} if an
     *     employee still holds it (revoke it from every member first, see {@link RoleAssignments})
     */
    void deleteRole(RoleId roleId);

    /**
     * Lists one page of role groups, each with all its roles (DingTalk's {@code /topapi/role/list}).
     * Groups come in a stable order (creation order); {@code offset} and {@code size} count groups.
     * {@code hasMore} is {@code false} exactly on the page that holds the last group, and on any page
     * past the end, which is empty.
     *
     * @param page which page
     * @return the page; never {@code null}
     */
    RoleGroupPage listRoleGroups(PageRequest page);

    /**
     * Looks one role group up, with its roles (DingTalk's {@code /topapi/role/getrolegroup}).
     *
     * @param groupId the group's id
     * @return the group, or empty if no group has that id
     */
    Optional<RoleGroup> findRoleGroup(RoleGroupId groupId);

    /**
     * Every role group, fetched lazily in pages of {@value PageRequest#MAX_SIZE} as the stream is
     * consumed: at most one page is held in memory. The stream sees each group exactly once, or fails:
     * if groups before the walk's position are added or removed while it runs, so that the listing
     * shifts under it, the stream throws {@link ConflictException} with
     * {@link ConflictException.Reason#LISTING_CHANGED} rather than skip or repeat a group. Groups added
     * at the end while the walk runs may or may not be seen. See {@link RoleGroupWalk} for page-level
     * control and progress.
     *
     * @return a sequential, ordered, lazy stream; it throws the exceptions of
     *     {@link #listRoleGroups} as it fetches pages
     */
    default Stream<RoleGroup> allRoleGroups() {
        return RoleGroupWalk.over(this).stream();
    }
}
