package io.github.dingtalkroles.emulator;

import java.util.Optional;

/**
 * The DingTalk operations the emulator serves, each at its endpoint (HTTP method and path). Used to aim
 * faults ({@link EmulatorFaults#next(EmulatorOperation, EmulatorFault, int)}) and to read request counts
 * ({@link DingTalkEmulator#requestCount(EmulatorOperation)}).
 */
public enum EmulatorOperation {
    /** {@code GET /gettoken?appkey=&appsecret=}: an app's access token. */
    GETTOKEN("GET", "/gettoken", false, "System busy"),
    /** {@code POST /role/add_role_group}: creates a role group. */
    ADD_ROLE_GROUP("POST", "/role/add_role_group", true, "System busy"),
    /** {@code POST /role/add_role}: creates a role in a group. */
    ADD_ROLE("POST", "/role/add_role", true, "System busy"),
    /** {@code POST /role/update_role}: renames a role. */
    UPDATE_ROLE("POST", "/role/update_role", true, "The system is busy"),
    /** {@code POST /topapi/role/list}: one page of role groups with their roles. */
    LIST_ROLES("POST", "/topapi/role/list", false, "System busy"),
    /** {@code POST /topapi/role/getrolegroup}: one role group with its roles. */
    GET_ROLE_GROUP("POST", "/topapi/role/getrolegroup", false, "System is busy"),
    /** {@code POST /topapi/role/getrole}: one role's name and group. */
    GET_ROLE("POST", "/topapi/role/getrole", false, "System busy"),
    /** {@code POST /topapi/role/deleterole}: deletes a role without members. */
    DELETE_ROLE("POST", "/topapi/role/deleterole", true, "System busy"),
    /** {@code POST /topapi/role/simplelist}: one page of a role's members with their scopes. */
    LIST_MEMBERS("POST", "/topapi/role/simplelist", false, "System busy"),
    /** {@code POST /topapi/role/addrolesforemps}: grants roles to employees (20 x 20 at most). */
    GRANT_ROLES("POST", "/topapi/role/addrolesforemps", true, "System busy"),
    /** {@code POST /topapi/role/removerolesforemps}: revokes roles from employees (20 x 100 at most). */
    REVOKE_ROLES("POST", "/topapi/role/removerolesforemps", true, "System busy"),
    /** {@code POST /topapi/role/scope/update}: sets a member's management scope (50 departments at most). */
    UPDATE_SCOPE("POST", "/topapi/role/scope/update", true, "System busy");

    private final String method;
    private final String path;
    private final boolean write;
    private final String busyMessage;

    EmulatorOperation(String method, String path, boolean write, String busyMessage) {
        this.method = method;
        this.path = path;
        this.write = write;
        this.busyMessage = busyMessage;
    }

    /**
     * The HTTP method the endpoint accepts: {@code GET} or {@code POST}.
     *
     * @return {@code GET} or {@code POST}
     */
    public String method() {
        return method;
    }

    /**
     * The path, e.g. {@code /role/add_role}.
     *
     * @return the path below the base URL, starting with {@code /}
     */
    public String path() {
        return path;
    }

    /**
     * Whether a call changes the directory (the adds, update, delete, grant, revoke and scope calls).
     *
     * @return {@code true} if a call of this endpoint changes the directory
     */
    public boolean isWrite() {
        return write;
    }

    /** The {@code errmsg} of errcode -1 as this endpoint's API page words it. */
    String busyMessage() {
        return busyMessage;
    }

    /** The endpoint served at {@code path}, if any. */
    static Optional<EmulatorOperation> atPath(String path) {
        for (EmulatorOperation operation : values()) {
            if (operation.path.equals(path)) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }
}
