package io.github.dingtalkroles.port;

import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleMember;
import io.github.dingtalkroles.domain.UserId;
import java.util.Collection;
import java.util.stream.Stream;

/**
 * Who holds which role, and which departments they manage through it: the membership port every
 * backend with employees implements, beside its {@link RoleDirectory}.
 *
 * <p>This Javadoc is the normative contract; {@code RoleAssignmentsContract} in {@code role-testkit}
 * checks it for any implementation.
 *
 * <h2>The model</h2>
 * The organisation has employees ({@link UserId}) and departments, managed outside this port (by
 * DingTalk's contacts API, or the backend's own roster). A role has members: employees who hold it,
 * each with a management scope, the departments they manage through the role; a new member manages the
 * whole organisation ({@link ManagementScope#wholeOrganisation()}) until a scope is set. Members are
 * listed in a stable order (the order they were granted the role).
 *
 * <h2>Rules every backend keeps</h2>
 * <ul>
 *   <li>Roles of the Default group cannot be granted or revoked:
 *       {@link ConflictException.Reason#IMMUTABLE_DEFAULT_GROUP}.</li>
 *   <li>Granting a role a user already holds, and revoking one the user does not hold, succeed and
 *       change nothing (the member keeps their scope), so both are safe to repeat.</li>
 *   <li>An unknown role, user or department is a {@link NotFoundException} whose
 *       {@link NotFoundException#subject()} says which kind and whose message names it (a remote backend
 *       that is not told which of several ids is unknown names the ids it sent).</li>
 *   <li>A scope can be set only for a member of the role: {@link ConflictException.Reason#NOT_A_MEMBER}.</li>
 *   <li>A role that has members cannot be deleted ({@link RoleDirectory#deleteRole}).</li>
 * </ul>
 *
 * <h2>Input and failures</h2>
 * As on {@link RoleDirectory}: domain values, {@link NullPointerException} for a {@code null}
 * argument or element, every failure a {@link RoleDirectoryException} (and any method may also throw
 * {@link NotAuthorizedException}, {@link ThrottledException} and {@link UnavailableException}), except
 * that {@link #grant} and {@link #revoke} wrap theirs in an {@link AssignmentFailedException} that says
 * exactly which (role, user) pairs were applied.
 *
 * <h2>Threads</h2>
 * Implementations are safe for concurrent use.
 */
public interface RoleAssignments {

    /**
     * Grants every role in {@code roleIds} to every user in {@code userIds} (DingTalk's
     * {@code addrolesforemps}). Any number of each; repeated ids count once; empty collections grant
     * nothing. A backend with per-call limits splits the call and may send the parts concurrently.
     *
     * @param roleIds the roles to grant
     * @param userIds the users to grant them to
     * @throws AssignmentFailedException if any part failed: its {@link AssignmentFailedException#applied()}
     *     pairs took effect, the others did not or may not have; its
     *     {@link AssignmentFailedException#failure()} is a {@link NotFoundException}
     *     ({@link NotFoundException.Subject#ROLE} or {@link NotFoundException.Subject#USER}), a
     *     {@link ConflictException} ({@link ConflictException.Reason#IMMUTABLE_DEFAULT_GROUP}) or one of
     *     the failures any call may have
     */
    void grant(Collection<RoleId> roleIds, Collection<UserId> userIds);

    /**
     * Revokes every role in {@code roleIds} from every user in {@code userIds} (DingTalk's
     * {@code removerolesforemps}), with the same rules, splitting and failure report as {@link #grant}.
     * Revoking a role a user does not hold changes nothing. A revoked member's scope is forgotten.
     *
     * @param roleIds the roles to revoke
     * @param userIds the users to revoke them from
     * @throws AssignmentFailedException as for {@link #grant}
     */
    void revoke(Collection<RoleId> roleIds, Collection<UserId> userIds);

    /**
     * Lists one page of a role's members, each with their scope (DingTalk's {@code simplelist}).
     * {@code hasMore} is {@code false} exactly on the page that holds the last member, and on any page
     * past the end, which is empty.
     *
     * @param roleId the role
     * @param page which page (size 1 to {@value MemberPageRequest#MAX_SIZE})
     * @return the page; never {@code null}
     * @throws NotFoundException {@link NotFoundException.Subject#ROLE} if no role has that id
     */
    MemberPage listMembers(RoleId roleId, MemberPageRequest page);

    /**
     * Every member of a role, fetched lazily in pages of {@value MemberPageRequest#MAX_SIZE} as the
     * stream is consumed: at most one page is held in memory. The stream sees each member exactly once,
     * or fails with {@link ConflictException} ({@link ConflictException.Reason#LISTING_CHANGED}) if the
     * listing shifts under it; see {@link MemberWalk}.
     *
     * @param roleId the role
     * @return a sequential, ordered, lazy stream; it throws the exceptions of {@link #listMembers} as it
     *     fetches pages
     */
    default Stream<RoleMember> allMembers(RoleId roleId) {
        return MemberWalk.of(this, roleId).stream();
    }

    /**
     * Sets the departments a member manages through a role (DingTalk's {@code scope/update}),
     * replacing their scope; {@link ManagementScope#wholeOrganisation()} for all of it. Setting the
     * scope a member has succeeds and changes nothing.
     *
     * @param roleId the role
     * @param userId the member
     * @param scope at most {@value ManagementScope#MAX_DEPARTMENTS} departments, or none
     * @throws NotFoundException {@link NotFoundException.Subject#ROLE}, {@link NotFoundException.Subject#USER}
     *     or {@link NotFoundException.Subject#DEPARTMENT} naming the unknown id
     * @throws ConflictException {@link ConflictException.Reason#NOT_A_MEMBER} if the user does not hold the
     *     role
     */
    void setScope(RoleId roleId, UserId userId, ManagementScope scope);
}
