package io.github.dingtalkroles.emulator;

/**
 * An error answer as DingTalk puts it in an HTTP 200 body: {@code errcode}, {@code errmsg} and, for
 * the gateway's errcode 88, {@code sub_code} and {@code sub_msg}. The texts are those of the API
 * pages where a page gives one.
 *
 * @param errcode DingTalk's error code
 * @param subCode the sub-code of a wrapper code (88), or {@code null}
 * @param subMsg the sub-code's message, or {@code null}
 * @param errmsg the message
 */
record WireError(long errcode, String subCode, String subMsg, String errmsg) {

    static final WireError PARAMETER_EMPTY = of(660000, "The parameter is empty");
    static final WireError ROLE_EMPTY = of(34018, "The role cannot be empty");
    static final WireError INVALID_GROUP_ID = of(34020, "Invalid groupId");
    static final WireError DUPLICATE_ROLE_NAME = of(34021, "The role name already exists");
    static final WireError ADD_TO_DEFAULT_GROUP = of(34022, "Roles cannot be added to the Default group");
    static final WireError DUPLICATE_GROUP_NAME = of(34001, "The role group name already exists");
    static final WireError INVALID_ROLE_ID = of(33011, "Invalid roleId");
    static final WireError MODIFY_DEFAULT_GROUP = of(33012, "Roles in the Default group cannot be modified");
    static final WireError INVALID_USER_IDS = of(33012, "Invalid userIds");
    static final WireError EDIT_SYSTEM_ROLE = of(23004, "Editing system roles is not allowed");
    /** Invented: DingTalk's page gives no errcode for deleting a role that still has members. */
    static final WireError ROLE_HAS_MEMBERS = of(23005, "The role still has members; remove them first");
    static final WireError INVALID_USERID = of(40003, "Invalid userid");
    static final WireError SCOPE_INVALID_ROLE_ID = of(60301, "Invalid role_id");
    static final WireError NO_SUCH_DEPARTMENT = of(60003, "The department does not exist");
    static final WireError NOT_IN_ORGANISATION = of(46004, "The employee is not in the organisation");
    /** Invented: DingTalk's page gives no errcode for a scope of a user who does not hold the role. */
    static final WireError NOT_A_MEMBER = of(60302, "The user does not hold the role");
    static final WireError INVALID_SIZE = of(40069, "Invalid size");
    static final WireError INVALID_OFFSET = of(40068, "Invalid offset");
    static final WireError INVALID_PARAMETER = of(400002, "Invalid parameter");
    static final WireError SYSTEM_ERROR = of(400001, "System error");
    static final WireError THROTTLED = of(90018, "The app has called this API more often per second than allowed");
    static final WireError QUOTA_EXHAUSTED = of(90020, "The app has used up its API call quota for this month");
    static final WireError TOKEN_BLANK = gateway("40000", "access_token is blank");
    static final WireError TOKEN_INVALID = gateway("40014", "Invalid access_token");
    static final WireError MISSING_APP_KEY = of(40035, "Missing parameter: appkey");
    static final WireError MISSING_APP_SECRET = of(40035, "Missing parameter: appsecret");
    static final WireError BAD_APP_CREDENTIALS = of(40096, "Invalid appkey or appsecret");

    static WireError of(long errcode, String errmsg) {
        return new WireError(errcode, null, null, errmsg);
    }

    /** 400002 with a word on what was invalid, for cases the pages do not list. */
    static WireError invalidParameter(String detail) {
        return of(INVALID_PARAMETER.errcode, INVALID_PARAMETER.errmsg + ": " + detail);
    }

    /** -1 as the endpoint's page words it. */
    static WireError busy(EmulatorOperation operation) {
        return of(-1, operation.busyMessage());
    }

    /** The gateway's errcode 88 around a sub-code, worded as DingTalk's gateway does. */
    private static WireError gateway(String subCode, String subMsg) {
        return new WireError(88, subCode, subMsg, "ding talk error[subcode=" + subCode + ",submsg=" + subMsg + "]");
    }

    /** This error as an exception, to end the handling of a call. */
    WireException toException() {
        return new WireException(this);
    }
}
