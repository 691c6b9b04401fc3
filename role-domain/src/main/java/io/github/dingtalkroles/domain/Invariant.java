package io.github.dingtalkroles.domain;

/**
 * The rules of the role model. Each is stated once, in this package; every backend reuses them.
 */
public enum Invariant {
    /** An id (of a role or a role group) must be a positive number. */
    ID_POSITIVE("ids must be positive"),
    /** A name must be given. */
    NAME_PRESENT("a name is required"),
    /** A name, once trimmed, must not be empty. */
    NAME_NOT_BLANK("names must not be blank"),
    /** A name may hold at most {@link Names#MAX_LENGTH} characters (Unicode code points). */
    NAME_LENGTH("names may hold at most " + Names.MAX_LENGTH + " characters"),
    /** A name must not contain control characters (tabs, line breaks, NUL, C1 controls, ...). */
    NAME_NO_CONTROL_CHARACTERS("names must not contain control characters"),
    /** A name must be well-formed UTF-16: no unpaired surrogate. */
    NAME_WELL_FORMED("names must be well-formed Unicode text"),
    /** Role names are unique within a role group. */
    ROLE_NAME_UNIQUE_IN_GROUP("role names must be unique within a role group"),
    /** Role ids are unique within a role group. */
    ROLE_ID_UNIQUE_IN_GROUP("role ids must be unique within a role group"),
    /** Every role of a group carries that group's id. */
    ROLE_BELONGS_TO_GROUP("a group's roles must all belong to it"),
    /** No role can be added to the Default group and its built-in roles cannot be renamed. */
    DEFAULT_GROUP_IMMUTABLE("the Default role group and its built-in roles cannot be changed"),
    /** An operation on a role of a group names a role that the group holds. */
    ROLE_IN_GROUP("the role must be in the role group"),
    /** A user id (DingTalk's {@code userid}), once trimmed, must not be empty. */
    USER_ID_NOT_BLANK("user ids must not be blank"),
    /** A user id may hold at most {@link UserId#MAX_LENGTH} characters. */
    USER_ID_LENGTH("user ids may hold at most " + UserId.MAX_LENGTH + " characters"),
    /**
     * A user id holds no whitespace, no control characters and no comma (commas separate ids on the
     * wire).
     */
    USER_ID_CHARACTERS("user ids must not contain whitespace, control characters or commas"),
    /** A management scope names at most {@link ManagementScope#MAX_DEPARTMENTS} departments. */
    SCOPE_SIZE("a management scope may name at most " + ManagementScope.MAX_DEPARTMENTS + " departments");

    private final String rule;

    Invariant(String rule) {
        this.rule = rule;
    }

    /**
     * The rule in words, for error messages.
     *
     * @return a short sentence stating the rule
     */
    public String rule() {
        return rule;
    }
}
