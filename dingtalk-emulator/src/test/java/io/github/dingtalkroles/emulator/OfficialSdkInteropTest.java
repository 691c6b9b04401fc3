package io.github.dingtalkroles.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.dingtalk.api.DefaultDingTalkClient;
import com.dingtalk.api.request.OapiGettokenRequest;
import com.dingtalk.api.request.OapiRoleAddRoleRequest;
import com.dingtalk.api.request.OapiRoleAddrolesforempsRequest;
import com.dingtalk.api.request.OapiRoleDeleteroleRequest;
import com.dingtalk.api.request.OapiRoleGetroleRequest;
import com.dingtalk.api.request.OapiRoleRemoverolesforempsRequest;
import com.dingtalk.api.request.OapiRoleScopeUpdateRequest;
import com.dingtalk.api.request.OapiRoleSimplelistRequest;
import com.dingtalk.api.request.OapiRoleAddrolegroupRequest;
import com.dingtalk.api.request.OapiRoleGetrolegroupRequest;
import com.dingtalk.api.request.OapiRoleListRequest;
import com.dingtalk.api.request.OapiRoleUpdateRoleRequest;
import com.dingtalk.api.response.OapiGettokenResponse;
import com.dingtalk.api.response.OapiRoleAddRoleResponse;
import com.dingtalk.api.response.OapiRoleAddrolesforempsResponse;
import com.dingtalk.api.response.OapiRoleDeleteroleResponse;
import com.dingtalk.api.response.OapiRoleGetroleResponse;
import com.dingtalk.api.response.OapiRoleRemoverolesforempsResponse;
import com.dingtalk.api.response.OapiRoleScopeUpdateResponse;
import com.dingtalk.api.response.OapiRoleSimplelistResponse;
import com.taobao.api.TaobaoRequest;
import com.taobao.api.TaobaoResponse;
import com.dingtalk.api.response.OapiRoleAddrolegroupResponse;
import com.dingtalk.api.response.OapiRoleGetrolegroupResponse;
import com.dingtalk.api.response.OapiRoleListResponse;
import com.dingtalk.api.response.OapiRoleUpdateRoleResponse;
import com.taobao.api.ApiException;
import com.taobao.api.internal.util.TaobaoLogger;
import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.Department;
import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DingTalk's official legacy Java SDK ({@code com.aliyun:alibaba-dingtalk-service-sdk:2.0.0}) against
 * the emulator: it sends JSON with every value as a string, to one URL per endpoint, and must see what
 * it would see from DingTalk.
 */
class OfficialSdkInteropTest {
    private static final long DEFAULT_GROUP = InMemoryRoleDirectory.DEFAULT_GROUP_ID;

    private final DingTalkEmulator emulator = DingTalkEmulator.builder()
            .directory(roster())
            .appCredentials("sdk-app", "sdk-secret")
            .start();
    private String token;

    /** A fresh organisation with departments 7 (Sales) and 8 (Legal), employees ann, bob and u1 to u120. */
    private static InMemoryRoleDirectory roster() {
        InMemoryRoleDirectory.Builder builder = InMemoryRoleDirectory.builder()
                .department(new Department(DeptId.of(7), "Sales"))
                .department(new Department(DeptId.of(8), "Legal"))
                .employee(new Employee(UserId.of("ann"), "Ann", List.of(DeptId.of(7))))
                .employee(new Employee(UserId.of("bob"), "Bob", List.of()));
        IntStream.rangeClosed(1, 120).forEach(i -> builder.employee(new Employee(UserId.of("u" + i), "U" + i, List.of())));
        return builder.build();
    }

    @BeforeAll
    static void silenceTheSdk() {
        TaobaoLogger.setNeedEnableLogger(false); // it would log every failed call's token
    }

    @BeforeEach
    void getToken() throws ApiException {
        token = gettoken("sdk-app", "sdk-secret").getAccessToken();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private DefaultDingTalkClient client(String path) {
        return new DefaultDingTalkClient(emulator.baseUrl() + path);
    }

    private OapiGettokenResponse gettoken(String key, String secret) throws ApiException {
        OapiGettokenRequest request = new OapiGettokenRequest();
        request.setAppkey(key);
        request.setAppsecret(secret);
        return client("/gettoken").execute(request);
    }

    private OapiRoleAddrolegroupResponse addRoleGroup(String name) throws ApiException {
        OapiRoleAddrolegroupRequest request = new OapiRoleAddrolegroupRequest();
        request.setName(name);
        return client("/role/add_role_group").execute(request, token);
    }

    private OapiRoleAddRoleResponse addRole(long groupId, String name) throws ApiException {
        return addRole(new OapiRoleAddRoleRequest(), groupId, name);
    }

    private OapiRoleAddRoleResponse addRole(OapiRoleAddRoleRequest request, long groupId, String name)
            throws ApiException {
        request.setGroupId(groupId);
        request.setRoleName(name);
        return client("/role/add_role").execute(request, token);
    }

    private OapiRoleUpdateRoleResponse updateRole(long roleId, String name) throws ApiException {
        return updateRole(new OapiRoleUpdateRoleRequest(), roleId, name);
    }

    private OapiRoleUpdateRoleResponse updateRole(OapiRoleUpdateRoleRequest request, long roleId, String name)
            throws ApiException {
        request.setRoleId(roleId);
        request.setRoleName(name);
        return client("/role/update_role").execute(request, token);
    }

    /** The SDK's add_role request without its client-side check, which stops blank names before sending. */
    private static final class UncheckedAddRole extends OapiRoleAddRoleRequest {
        @Override
        public void check() {
        }
    }

    /** The SDK's update_role request without its client-side check. */
    private static final class UncheckedUpdateRole extends OapiRoleUpdateRoleRequest {
        @Override
        public void check() {
        }
    }

    private OapiRoleListResponse list(Long offset, Long size) throws ApiException {
        OapiRoleListRequest request = new OapiRoleListRequest();
        request.setOffset(offset);
        request.setSize(size);
        return client("/topapi/role/list").execute(request, token);
    }

    private OapiRoleGetrolegroupResponse getRoleGroup(long groupId) throws ApiException {
        OapiRoleGetrolegroupRequest request = new OapiRoleGetrolegroupRequest();
        request.setGroupId(groupId);
        return client("/topapi/role/getrolegroup").execute(request, token);
    }

    @Test
    void gettokenGivesTheSdkAWorkingTokenAndRefusesBadCredentials() throws ApiException {
        OapiGettokenResponse again = gettoken("sdk-app", "sdk-secret");
        OapiGettokenResponse wrong = gettoken("sdk-app", "wrong");

        assertThat(again.isSuccess()).isTrue();
        assertThat(again.getAccessToken()).isEqualTo(token);
        assertThat(again.getExpiresIn()).isEqualTo(7200L);
        assertThat(wrong.isSuccess()).isFalse();
        assertThat(wrong.getErrcode()).isEqualTo(40096L);
    }

    @Test
    void addRoleGroupAndAddRoleAnswerTheNewIds() throws ApiException {
        OapiRoleAddrolegroupResponse group = addRoleGroup("HR");
        OapiRoleAddRoleResponse role = addRole(group.getGroupId(), "Recruiter");

        assertThat(group.isSuccess()).isTrue();
        assertThat(group.getErrmsg()).isEqualTo("ok");
        assertThat(group.getGroupId()).isPositive();
        assertThat(role.isSuccess()).isTrue();
        assertThat(role.getRoleId()).isPositive().isNotEqualTo(group.getGroupId());
        assertThat(getRoleGroup(group.getGroupId()).getRoleGroup().getRoles())
                .extracting(r -> r.getRoleId() + " " + r.getRoleName())
                .containsExactly(role.getRoleId() + " Recruiter");
    }

    @Test
    void addRoleErrorsReachTheSdkWithThePagesCodes() throws ApiException {
        long groupId = addRoleGroup("HR").getGroupId();
        addRole(groupId, "Recruiter");

        OapiRoleAddRoleResponse blank = addRole(new UncheckedAddRole(), groupId, " ");
        OapiRoleAddRoleResponse unknownGroup = addRole(987654321L, "X");
        OapiRoleAddRoleResponse duplicate = addRole(groupId, "Recruiter");
        OapiRoleAddrolegroupResponse duplicateGroup = addRoleGroup("HR");

        assertThat(blank.isSuccess()).isFalse();
        assertThat(blank.getErrcode()).isEqualTo(34018L);
        assertThat(unknownGroup.getErrcode()).isEqualTo(34020L);
        assertThat(unknownGroup.getErrmsg()).isEqualTo("Invalid groupId");
        assertThat(duplicate.getErrcode()).isEqualTo(34021L);
        assertThat(duplicate.getRoleId()).isNull();
        assertThat(duplicateGroup.getErrcode()).isEqualTo(34001L);
    }

    @Test
    void theSdkStopsBlankNamesItselfWithoutCallingTheServer() throws ApiException {
        long groupId = addRoleGroup("HR").getGroupId();
        emulator.resetRequestCounts();

        OapiRoleAddRoleResponse blank = addRole(groupId, " ");

        assertThat(blank.isSuccess()).isFalse();
        assertThat(blank.getErrcode()).as("the SDK's own 'missing required arguments'").isEqualTo(40L);
        assertThat(emulator.requestCount(EmulatorOperation.ADD_ROLE)).isZero();
    }

    @Test
    void updateRoleRenamesAndReportsThePagesCodes() throws ApiException {
        long groupId = addRoleGroup("HR").getGroupId();
        long roleId = addRole(groupId, "Recruiter").getRoleId();

        OapiRoleUpdateRoleResponse renamed = updateRole(roleId, "Talent Partner");
        OapiRoleUpdateRoleResponse blank = updateRole(new UncheckedUpdateRole(), roleId, " ");
        OapiRoleUpdateRoleResponse unknown = updateRole(987654321L, "X");

        assertThat(renamed.isSuccess()).isTrue();
        assertThat(getRoleGroup(groupId).getRoleGroup().getRoles().get(0).getRoleName()).isEqualTo("Talent Partner");
        assertThat(blank.getErrcode()).isEqualTo(660000L);
        assertThat(unknown.getErrcode()).isEqualTo(33011L);
        assertThat(unknown.getErrmsg()).isEqualTo("Invalid roleId");
    }

    @Test
    void listPagesWithHasMoreAndTheGroupsRolesAndRefusesBadPaging() throws ApiException {
        long hr = addRoleGroup("HR").getGroupId();
        long recruiter = addRole(hr, "Recruiter").getRoleId();
        addRoleGroup("IT");

        OapiRoleListResponse first = list(0L, 2L);
        OapiRoleListResponse last = list(2L, 2L);
        OapiRoleListResponse badSize = list(0L, 201L);
        OapiRoleListResponse badOffset = list(-1L, 20L);

        assertThat(first.isSuccess()).isTrue();
        assertThat(first.getResult().getHasMore()).isTrue();
        List<OapiRoleListResponse.OpenRoleGroup> groups = first.getResult().getList();
        assertThat(groups).extracting(OapiRoleListResponse.OpenRoleGroup::getName).containsExactly("Default", "HR");
        assertThat(groups.get(0).getGroupId()).isEqualTo(DEFAULT_GROUP);
        assertThat(groups.get(0).getRoles()).extracting(OapiRoleListResponse.OpenRole::getName)
                .containsExactly("Owner", "Supervisor", "Super Admin", "Sub Admin");
        assertThat(groups.get(1).getGroupId()).isEqualTo(hr);
        assertThat(groups.get(1).getRoles().get(0).getId()).isEqualTo(recruiter);
        assertThat(last.getResult().getHasMore()).isFalse();
        assertThat(last.getResult().getList()).extracting(OapiRoleListResponse.OpenRoleGroup::getName).containsExactly("IT");
        assertThat(badSize.getErrcode()).isEqualTo(40069L);
        assertThat(badOffset.getErrcode()).isEqualTo(40068L);
    }

    @Test
    void getRoleGroupAnswersTheDefaultGroupAndRefusesAnUnknownId() throws ApiException {
        OapiRoleGetrolegroupResponse found = getRoleGroup(DEFAULT_GROUP);
        OapiRoleGetrolegroupResponse unknown = getRoleGroup(987654321L);

        assertThat(found.isSuccess()).isTrue();
        assertThat(found.getRoleGroup().getGroupName()).isEqualTo("Default");
        assertThat(found.getRoleGroup().getRoles()).extracting(r -> r.getRoleId() + " " + r.getRoleName())
                .containsExactly("1507113580 Owner", "1507113581 Supervisor", "1507113578 Super Admin", "1507113579 Sub Admin");
        assertThat(unknown.isSuccess()).isFalse();
        assertThat(unknown.getErrcode()).isEqualTo(400002L);
        assertThat(unknown.getRoleGroup()).isNull();
    }

    @Test
    void tokenProblemsReachTheSdkAs88WithTheirSubCode() throws ApiException {
        OapiRoleListResponse unknown = client("/topapi/role/list").execute(new OapiRoleListRequest(), "no-such-token");
        emulator.faults().next(EmulatorOperation.LIST_ROLES, EmulatorFault.TOKEN_EXPIRED);
        OapiRoleListResponse expired = list(0L, 20L);

        assertThat(unknown.isSuccess()).isFalse();
        assertThat(unknown.getErrcode()).isEqualTo(88L);
        assertThat(unknown.getSubCode()).isEqualTo("40014");
        assertThat(expired.getErrcode()).isEqualTo(88L);
        assertThat(expired.getSubCode()).isEqualTo("40014");
    }

    @Test
    void busyAndSystemErrorReachTheSdkAsFailedCalls() throws ApiException {
        emulator.faults().next(EmulatorOperation.ADD_ROLE, EmulatorFault.BUSY).next(EmulatorOperation.LIST_ROLES, EmulatorFault.SYSTEM_ERROR);

        OapiRoleAddRoleResponse busy = addRole(DEFAULT_GROUP, "X");
        OapiRoleListResponse systemError = list(0L, 20L);

        assertThat(busy.isSuccess()).isFalse();
        assertThat(busy.getErrcode()).isEqualTo(-1L);
        assertThat(busy.getErrmsg()).isEqualTo("System busy");
        assertThat(systemError.isSuccess()).isFalse();
        assertThat(systemError.getErrcode()).isEqualTo(400001L);
    }

    // ---- the rest of the role family -------------------------------------------------------------

    private <T extends TaobaoResponse> T call(String path, TaobaoRequest<T> request) throws ApiException {
        return client(path).execute(request, token);
    }

    private long newRole(String group, String name) throws ApiException {
        return addRole(addRoleGroup(group).getGroupId(), name).getRoleId();
    }

    /** The SDK's grant request without its client-side check (it stops more than 20 ids before sending). */
    private static final class UncheckedGrant extends OapiRoleAddrolesforempsRequest {
        @Override
        public void check() {
        }
    }

    /** The SDK's revoke request without its client-side check. */
    private static final class UncheckedRevoke extends OapiRoleRemoverolesforempsRequest {
        @Override
        public void check() {
        }
    }

    /** The SDK's scope request without its client-side check. */
    private static final class UncheckedScope extends OapiRoleScopeUpdateRequest {
        @Override
        public void check() {
        }
    }

    private OapiRoleAddrolesforempsResponse grant(String roleIds, String userIds) throws ApiException {
        OapiRoleAddrolesforempsRequest request = new UncheckedGrant();
        request.setRoleIds(roleIds);
        request.setUserIds(userIds);
        return call("/topapi/role/addrolesforemps", request);
    }

    private OapiRoleRemoverolesforempsResponse revoke(String roleIds, String userIds) throws ApiException {
        OapiRoleRemoverolesforempsRequest request = new UncheckedRevoke();
        request.setRoleIds(roleIds);
        request.setUserIds(userIds);
        return call("/topapi/role/removerolesforemps", request);
    }

    private OapiRoleSimplelistResponse members(long roleId, Long offset, Long size) throws ApiException {
        OapiRoleSimplelistRequest request = new OapiRoleSimplelistRequest();
        request.setRoleId(roleId);
        request.setOffset(offset);
        request.setSize(size);
        return call("/topapi/role/simplelist", request);
    }

    private OapiRoleScopeUpdateResponse scope(long roleId, String userId, String deptIds) throws ApiException {
        OapiRoleScopeUpdateRequest request = new UncheckedScope();
        request.setRoleId(roleId);
        request.setUserid(userId);
        request.setDeptIds(deptIds);
        return call("/topapi/role/scope/update", request);
    }

    private OapiRoleDeleteroleResponse deleteRole(long roleId) throws ApiException {
        OapiRoleDeleteroleRequest request = new OapiRoleDeleteroleRequest();
        request.setRoleId(roleId);
        return call("/topapi/role/deleterole", request);
    }

    private static String ids(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "u" + i).collect(Collectors.joining(","));
    }

    @Test
    void theSdkReadsARoleWithGetrole() throws ApiException {
        long roleId = newRole("Recruiting", "Recruiter");

        OapiRoleGetroleResponse found = call("/topapi/role/getrole", getRoleRequest(roleId));
        assertThat(found.isSuccess()).isTrue();
        assertThat(found.getRole().getName()).isEqualTo("Recruiter");
        assertThat(found.getRole().getGroupId()).isEqualTo(addRoleGroupIdOf(roleId));

        OapiRoleGetroleResponse missing = call("/topapi/role/getrole", getRoleRequest(Long.MAX_VALUE - 1));
        assertThat(missing.getErrcode()).isEqualTo(33011L);
    }

    private static OapiRoleGetroleRequest getRoleRequest(long roleId) {
        OapiRoleGetroleRequest request = new OapiRoleGetroleRequest();
        request.setRoleId(roleId);
        return request;
    }

    private long addRoleGroupIdOf(long roleId) throws ApiException {
        return list(0L, 200L).getResult().getList().stream()
                .filter(g -> g.getRoles().stream().anyMatch(r -> r.getId() == roleId))
                .findFirst().orElseThrow().getGroupId();
    }

    @Test
    void theSdkGrantsListsScopesRevokesAndDeletes() throws ApiException {
        long roleId = newRole("Payroll", "Payroll Admin");

        assertThat(grant(String.valueOf(roleId), "ann,bob").isSuccess()).isTrue();
        assertThat(scope(roleId, "ann", "8,7").isSuccess()).isTrue();

        OapiRoleSimplelistResponse listed = members(roleId, 0L, 20L);
        assertThat(listed.isSuccess()).isTrue();
        assertThat(listed.getResult().getHasMore()).isFalse();
        List<OapiRoleSimplelistResponse.OpenEmpSimple> list = listed.getResult().getList();
        assertThat(list).extracting(OapiRoleSimplelistResponse.OpenEmpSimple::getUserid).containsExactly("ann", "bob");
        assertThat(list.get(0).getName()).isEqualTo("Ann");
        assertThat(list.get(0).getManageScopes()).extracting(OapiRoleSimplelistResponse.OrgDeptVo::getDeptId)
                .containsExactly(8L, 7L);
        assertThat(list.get(0).getManageScopes()).extracting(OapiRoleSimplelistResponse.OrgDeptVo::getName)
                .containsExactly("Legal", "Sales");

        assertThat(deleteRole(roleId).getErrcode()).as("a role with members cannot be deleted (invented 23005)")
                .isEqualTo(23005L);
        assertThat(revoke(String.valueOf(roleId), "ann,bob").isSuccess()).isTrue();
        assertThat(members(roleId, null, null).getResult().getList()).isNullOrEmpty();
        assertThat(deleteRole(roleId).isSuccess()).isTrue();
        assertThat(deleteRole(roleId).getErrcode()).isEqualTo(33011L);
    }

    @Test
    void theSdkSeesDingTalksLimitsAndErrcodesOnTheMembershipEndpoints() throws ApiException {
        long roleId = newRole("Audit", "Auditor");
        long builtIn = list(0L, 200L).getResult().getList().get(0).getRoles().get(0).getId();

        assertThat(grant(String.valueOf(roleId), ids(1, 21)).getErrcode()).as("21 users in one grant").isEqualTo(400002L);
        assertThat(grant(String.valueOf(roleId), ids(1, 20)).isSuccess()).isTrue();
        assertThat(members(roleId, 0L, 100L).getResult().getList()).hasSize(20);
        assertThat(members(roleId, 0L, 101L).getErrcode()).as("a page of 101 members").isEqualTo(400002L);
        assertThat(members(roleId, 10L, 5L).getResult().getHasMore()).isTrue();
        assertThat(revoke(String.valueOf(roleId), ids(1, 101)).getErrcode()).as("101 users in one revoke")
                .isEqualTo(400002L);
        assertThat(revoke(String.valueOf(roleId), ids(1, 100)).isSuccess()).isTrue();
        assertThat(grant(String.valueOf(roleId), "ann,nobody").getErrcode()).as("an unknown user").isEqualTo(33012L);
        assertThat(grant(String.valueOf(Long.MAX_VALUE - 1), "ann").getErrcode()).as("an unknown role").isEqualTo(33011L);
        assertThat(grant(String.valueOf(builtIn), "ann").getErrcode()).as("a Default-group role").isEqualTo(23004L);
        assertThat(deleteRole(builtIn).getErrcode()).as("deleting a Default-group role").isEqualTo(23004L);

        assertThat(scope(roleId, "ann", "7").getErrcode()).as("a scope for a non-member (invented 60302)")
                .isEqualTo(60302L);
        grant(String.valueOf(roleId), "ann");
        assertThat(scope(roleId, "ann", "99").getErrcode()).as("an unknown department").isEqualTo(60003L);
        assertThat(scope(roleId, "nobody", "7").getErrcode()).as("an unknown user").isEqualTo(46004L);
        assertThat(scope(Long.MAX_VALUE - 1, "ann", "7").getErrcode()).as("an unknown role").isEqualTo(60301L);
        String fiftyOne = IntStream.rangeClosed(1, 51).mapToObj(Integer::toString).collect(Collectors.joining(","));
        assertThat(scope(roleId, "ann", fiftyOne).getErrcode()).as("51 departments").isEqualTo(400002L);
        assertThat(scope(roleId, "ann", null).isSuccess()).as("no departments: the whole organisation").isTrue();
    }
}
