package io.github.dingtalkroles.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.dingtalk.api.DefaultDingTalkClient;
import com.dingtalk.api.request.OapiGettokenRequest;
import com.dingtalk.api.request.OapiRoleAddRoleRequest;
import com.dingtalk.api.request.OapiRoleAddrolegroupRequest;
import com.dingtalk.api.request.OapiRoleGetrolegroupRequest;
import com.dingtalk.api.request.OapiRoleListRequest;
import com.dingtalk.api.request.OapiRoleUpdateRoleRequest;
import com.dingtalk.api.response.OapiGettokenResponse;
import com.dingtalk.api.response.OapiRoleAddRoleResponse;
import com.dingtalk.api.response.OapiRoleAddrolegroupResponse;
import com.dingtalk.api.response.OapiRoleGetrolegroupResponse;
import com.dingtalk.api.response.OapiRoleListResponse;
import com.dingtalk.api.response.OapiRoleUpdateRoleResponse;
import com.taobao.api.ApiException;
import com.taobao.api.internal.util.TaobaoLogger;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
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
            .directory(InMemoryRoleDirectory.create())
            .appCredentials("sdk-app", "sdk-secret")
            .start();
    private String token;

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
}
