package io.github.dingtalkroles.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.Department;
import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleMember;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorFault;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.AssignmentFailedException;
import io.github.dingtalkroles.port.MemberPageRequest;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.ThrottledException;
import io.github.dingtalkroles.port.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Every fault the emulator can inject, against every operation of {@link DingTalkRoleDirectory}, once
 * and on every attempt. Each cell checks the outcome (the right result after retries, or the right typed
 * exception), how many HTTP requests each endpoint received, that the operation ended within its
 * deadline, what the directory holds afterwards (a role or group added exactly once, with the id the
 * caller was told), and that no secret reached a log line or an exception.
 *
 * <p>The observed table is written to {@code docs/RELIABILITY.md}; the last test fails if the committed
 * file was stale. The table holds counts and outcomes only, never times, so it cannot flake.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultMatrixTest {
    static final Duration DEADLINE = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    static final Duration BACKOFF = Duration.ofMillis(10);
    static final Duration THROTTLING_WAIT = Duration.ofMillis(20);
    static final int MAX_RETRIES = 3;
    /** Beyond the read timeout: the client times out while the emulator carries the call out. */
    static final Duration DELAY = Duration.ofMillis(1500);
    /** Some slack over the deadline for the operation's own bookkeeping on a busy machine. */
    static final Duration DEADLINE_SLACK = Duration.ofMillis(300);

    /** The fault kinds, as named in the table. */
    enum Injected {
        BUSY(EmulatorFault.BUSY, Reaction.BACK_OFF, false),
        SYSTEM_ERROR(EmulatorFault.SYSTEM_ERROR, Reaction.BACK_OFF, false),
        THROTTLED(EmulatorFault.THROTTLED, Reaction.WAIT, false),
        QUOTA_EXHAUSTED(EmulatorFault.QUOTA_EXHAUSTED, Reaction.QUOTA, false),
        TOKEN_EXPIRED(EmulatorFault.TOKEN_EXPIRED, Reaction.NEW_TOKEN, false),
        HTTP_500(EmulatorFault.HTTP_500, Reaction.BACK_OFF, false),
        HTML_THROTTLE_PAGE(EmulatorFault.HTML_THROTTLE_PAGE, Reaction.WAIT, false),
        PUNISH(EmulatorFault.PUNISH, Reaction.BANNED, false),
        EMPTY_BODY(EmulatorFault.EMPTY_BODY, Reaction.BACK_OFF, false),
        DROP_CONNECTION(EmulatorFault.DROP_CONNECTION, Reaction.BACK_OFF, false),
        TRUNCATED_JSON(EmulatorFault.TRUNCATED_JSON, Reaction.BACK_OFF, true),
        COMMIT_THEN_BUSY(EmulatorFault.COMMIT_THEN_BUSY, Reaction.BACK_OFF, true),
        DELAY_1500_MS(EmulatorFault.delay(DELAY), Reaction.BACK_OFF, true);

        final EmulatorFault fault;
        final Reaction reaction;
        final boolean callCarriedOut;

        Injected(EmulatorFault fault, Reaction reaction, boolean callCarriedOut) {
            this.fault = fault;
            this.reaction = reaction;
            this.callCarriedOut = callCarriedOut;
        }

        /** Whether the emulator carries the call out despite the fault (COMMIT_THEN_BUSY only does for writes). */
        boolean carriesOut(EmulatorOperation endpoint) {
            return this == COMMIT_THEN_BUSY ? endpoint.isWrite() : callCarriedOut;
        }
    }

    /** How the client treats a fault, per adapter-feign's README. */
    enum Reaction {
        /** Transient (the reply may be lost): retry after a backoff; writes look before re-sending. */
        BACK_OFF,
        /** Throttled: retry after the throttling wait. */
        WAIT,
        /** Monthly quota spent: never retried. */
        QUOTA,
        /** Token refused: one fresh token from gettoken, one replay. */
        NEW_TOKEN,
        /** IP ban with a server-named wait (5 s) that does not fit the deadline: thrown at once. */
        BANNED
    }

    /** How often the fault strikes. */
    enum Strikes {
        ONCE(1), EVERY_ATTEMPT(100);

        final int times;

        Strikes(int times) {
            this.times = times;
        }
    }

    /** The operations, with the endpoint each calls and the endpoint its reconciliation reads. */
    enum Op {
        ADD_ROLE_GROUP(EmulatorOperation.ADD_ROLE_GROUP, EmulatorOperation.LIST_ROLES),
        ADD_ROLE(EmulatorOperation.ADD_ROLE, EmulatorOperation.GET_ROLE_GROUP),
        RENAME_ROLE(EmulatorOperation.UPDATE_ROLE, null),
        LIST_ROLE_GROUPS(EmulatorOperation.LIST_ROLES, null),
        FIND_ROLE_GROUP(EmulatorOperation.GET_ROLE_GROUP, null),
        /** listRoleGroups on a client without a token yet: the fault strikes its gettoken. */
        GETTOKEN_THEN_LIST(EmulatorOperation.GETTOKEN, EmulatorOperation.LIST_ROLES),
        FIND_ROLE(EmulatorOperation.GET_ROLE, null),
        DELETE_ROLE(EmulatorOperation.DELETE_ROLE, null),
        LIST_MEMBERS(EmulatorOperation.LIST_MEMBERS, null),
        GRANT(EmulatorOperation.GRANT_ROLES, null),
        REVOKE(EmulatorOperation.REVOKE_ROLES, null),
        SET_SCOPE(EmulatorOperation.UPDATE_SCOPE, null);

        final EmulatorOperation endpoint;
        final EmulatorOperation other;

        Op(EmulatorOperation endpoint, EmulatorOperation other) {
            this.endpoint = endpoint;
            this.other = other;
        }

        boolean isAdd() {
            return this == ADD_ROLE_GROUP || this == ADD_ROLE;
        }

        /** A write that is retried after a lost reply, as repeating it is harmless (or, for delete, resolved). */
        boolean isRepeatableWrite() {
            return this == RENAME_ROLE || this == DELETE_ROLE || isAssignment() || this == SET_SCOPE;
        }

        /** A grant or revoke, whose failures come wrapped in an AssignmentFailedException. */
        boolean isAssignment() {
            return this == GRANT || this == REVOKE;
        }
    }

    /** What a cell shows: the outcome, the requests per endpoint, and the directory afterwards. */
    record Observed(String outcome, long endpointCalls, long otherCalls, long gettokenCalls, String afterwards) {
    }

    private static final List<String> ROWS = new ArrayList<>();

    @AfterAll
    static void noSecretWasLogged() {
        NoSecrets.assertNoneLogged();
    }

    @Test
    @Order(1)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyFaultOnEveryOperationEndsInTheExpectedOutcomeWithinTheDeadline() {
        List<String> mismatches = new ArrayList<>();
        for (Op op : Op.values()) {
            for (Injected injected : Injected.values()) {
                for (Strikes strikes : Strikes.values()) {
                    Observed expected = expected(op, injected, strikes);
                    Observed observed = run(op, injected, strikes);
                    ROWS.add(row(op, injected, strikes, observed));
                    if (!observed.equals(expected)) {
                        mismatches.add(op + " x " + injected + " x " + strikes + ": expected " + expected
                                + " but was " + observed);
                    }
                }
            }
        }
        assertThat(mismatches).as("cells whose outcome differs from the expected one").isEmpty();
    }

    @Test
    @Order(2)
    void theCommittedReliabilityTableIsTheOneThisRunProduced() throws IOException {
        assertThat(ROWS).as("the matrix ran first").hasSize(Op.values().length * Injected.values().length * 2);
        String generated = document(ROWS);
        Path docs = Path.of(System.getProperty("reliability.docs",
                Path.of("").toAbsolutePath().getParent().resolve("docs/RELIABILITY.md").toString()));
        String committed = Files.exists(docs) ? Files.readString(docs, StandardCharsets.UTF_8) : "";
        if (!committed.equals(generated)) {
            Files.createDirectories(docs.getParent());
            Files.writeString(docs, generated, StandardCharsets.UTF_8);
            fail(docs.normalize() + " was stale; this run has regenerated it: review and commit it");
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** The outcome the adapter's documented policy predicts for one cell. */
    static Observed expected(Op op, Injected injected, Strikes strikes) {
        Observed plain = expectedUnwrapped(op, injected, strikes);
        if (op.isAssignment() && !plain.outcome().equals("ok")) {
            return new Observed("AssignmentFailedException: " + plain.outcome(), plain.endpointCalls(),
                    plain.otherCalls(), plain.gettokenCalls(), plain.afterwards());
        }
        return plain;
    }

    private static Observed expectedUnwrapped(Op op, Injected injected, Strikes strikes) {
        boolean once = strikes == Strikes.ONCE;
        long others = op == Op.GETTOKEN_THEN_LIST ? 1 : 0; // the list after a token was obtained
        String okState = okState(op);
        String failedState = failedState(op, injected);
        switch (injected.reaction) {
            case BANNED:
                return new Observed("ThrottledException", 1, 0, op == Op.GETTOKEN_THEN_LIST ? 1 : 0, failedState);
            case QUOTA:
                return new Observed("ThrottledException (quota exhausted)", 1, 0,
                        op == Op.GETTOKEN_THEN_LIST ? 1 : 0, failedState);
            case NEW_TOKEN:
                if (op == Op.GETTOKEN_THEN_LIST) {
                    // a refusal from gettoken itself is about the app's credentials: not retried
                    return new Observed("NotAuthorizedException", 1, 0, 1, failedState);
                }
                return once ? new Observed("ok", 2, 0, 1, okState)
                        : new Observed("NotAuthorizedException", 2, 0, 1, failedState);
            case WAIT:
                if (once) {
                    return new Observed("ok", 2, others, op == Op.GETTOKEN_THEN_LIST ? 2 : 0, okState);
                }
                return new Observed("ThrottledException", MAX_RETRIES + 1, 0,
                        op == Op.GETTOKEN_THEN_LIST ? MAX_RETRIES + 1 : 0, failedState);
            case BACK_OFF:
            default:
                if (op == Op.GETTOKEN_THEN_LIST) {
                    // the adapter's transport never re-sends on its own: one request per attempt
                    long calls = MAX_RETRIES + 1;
                    return once ? new Observed("ok", 2, 1, 2, okState)
                            : new Observed("UnavailableException", calls, 0, calls, failedState);
                }
                if (op.isAdd()) {
                    if (injected.carriesOut(op.endpoint)) {
                        // the next attempt looks first and finds what the lost attempt created
                        return new Observed("ok", 1, 1, 0, okState);
                    }
                    return once ? new Observed("ok", 2, 1, 0, okState)
                            : new Observed("UnavailableException (outcome unknown)", MAX_RETRIES + 1, MAX_RETRIES, 0,
                                    failedState);
                }
                if (once) {
                    return new Observed("ok", 2, 0, 0, okState);
                }
                return new Observed(op.isRepeatableWrite() ? "UnavailableException (outcome unknown)"
                        : "UnavailableException", MAX_RETRIES + 1, 0, 0, failedState);
        }
    }

    private static String okState(Op op) {
        return switch (op) {
            case ADD_ROLE_GROUP, ADD_ROLE -> "exists once, id as returned";
            case RENAME_ROLE -> "renamed";
            case DELETE_ROLE -> "deleted";
            case GRANT -> "granted";
            case REVOKE -> "revoked";
            case SET_SCOPE -> "scoped";
            default -> "unchanged";
        };
    }

    private static String failedState(Op op, Injected injected) {
        return switch (op) {
            case ADD_ROLE_GROUP, ADD_ROLE -> injected.carriesOut(op.endpoint) ? "exists once" : "absent";
            case RENAME_ROLE, DELETE_ROLE, GRANT, REVOKE, SET_SCOPE ->
                    injected.carriesOut(op.endpoint) ? okState(op) : "unchanged";
            default -> "unchanged";
        };
    }

    /** Runs one cell on a fresh emulator and client. */
    static Observed run(Op op, Injected injected, Strikes strikes) {
        InMemoryRoleDirectory backing = InMemoryRoleDirectory.builder().department(SALES)
                .employee(new Employee(ANN, "Ann", List.of(SALES.id()))).build();
        RoleGroup hr = backing.addRoleGroup(RoleGroupName.of("HR"));
        Role recruiter = backing.addRole(hr.id(), RoleName.of("Recruiter"));
        if (op == Op.REVOKE || op == Op.SET_SCOPE) {
            backing.grant(List.of(recruiter.id()), List.of(ANN));
        }
        try (DingTalkEmulator emulator = Credentials.emulator().directory(backing).start()) {
            DingTalkRoleDirectory client = DingTalkRoleDirectory.builder()
                    .baseUrl(emulator.baseUrl())
                    .appCredentials(Credentials.APP_KEY, Credentials.appSecret())
                    .deadline(DEADLINE)
                    .readTimeout(READ_TIMEOUT)
                    .maxRetries(MAX_RETRIES)
                    .backoff(BACKOFF)
                    .throttlingWait(THROTTLING_WAIT)
                    .noRateLimit()
                    .logHttpTraffic(true)
                    .build();
            if (op != Op.GETTOKEN_THEN_LIST) {
                client.findRoleGroup(hr.id()); // obtains the token, so the cell counts only its own calls
            }
            emulator.resetRequestCounts();
            emulator.faults().next(op.endpoint, injected.fault, strikes.times);

            long started = System.nanoTime();
            String outcome;
            Object result = null;
            try {
                result = call(op, client, hr, recruiter).get();
                outcome = "ok";
            } catch (RoleDirectoryException e) {
                NoSecrets.assertNoneIn(e);
                outcome = describe(e);
            } catch (AssignmentFailedException e) {
                NoSecrets.assertNoneIn(e.failure());
                assertThat(e.applied()).as("a single-call assignment that failed reports nothing applied").isEmpty();
                outcome = "AssignmentFailedException: " + describe(e.failure());
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            emulator.faults().clear();

            assertThat(elapsed).as(op + " x " + injected + " x " + strikes + " ended within the deadline")
                    .isLessThanOrEqualTo(DEADLINE.plus(DEADLINE_SLACK));
            NoSecrets.assertNoneIn("the client's toString", client.toString());
            NoSecrets.assertNoneIn("the emulator's toString", emulator.toString());
            return new Observed(outcome, emulator.requestCount(op.endpoint),
                    op.other == null ? 0 : emulator.requestCount(op.other), emulator.requestCount(EmulatorOperation.GETTOKEN),
                    afterwards(op, backing, hr, recruiter, result));
        }
    }

    private static final Department SALES = new Department(DeptId.of(7), "Sales");
    private static final UserId ANN = UserId.of("ann");

    private static Supplier<Object> call(Op op, DingTalkRoleDirectory client, RoleGroup hr, Role recruiter) {
        return switch (op) {
            case ADD_ROLE_GROUP -> () -> client.addRoleGroup(RoleGroupName.of("Finance"));
            case ADD_ROLE -> () -> client.addRole(hr.id(), RoleName.of("Payroll"));
            case RENAME_ROLE -> () -> {
                client.renameRole(recruiter.id(), RoleName.of("Talent Partner"));
                return null;
            };
            case LIST_ROLE_GROUPS, GETTOKEN_THEN_LIST -> () -> {
                assertThat(client.listRoleGroups(PageRequest.first()).groups()).extracting(g -> g.name().value())
                        .containsExactly("Default", "HR");
                return null;
            };
            case FIND_ROLE_GROUP -> () -> {
                Optional<RoleGroup> found = client.findRoleGroup(hr.id());
                assertThat(found).get().extracting(g -> g.roles().size()).isEqualTo(1);
                return null;
            };
            case FIND_ROLE -> () -> {
                assertThat(client.findRole(recruiter.id())).contains(recruiter);
                return null;
            };
            case DELETE_ROLE -> () -> {
                client.deleteRole(recruiter.id());
                return null;
            };
            case LIST_MEMBERS -> () -> {
                assertThat(client.listMembers(recruiter.id(), MemberPageRequest.first()).members()).isEmpty();
                return null;
            };
            case GRANT -> () -> {
                client.grant(List.of(recruiter.id()), List.of(ANN));
                return null;
            };
            case REVOKE -> () -> {
                client.revoke(List.of(recruiter.id()), List.of(ANN));
                return null;
            };
            case SET_SCOPE -> () -> {
                client.setScope(recruiter.id(), ANN, ManagementScope.of(SALES.id()));
                return null;
            };
        };
    }

    private static String describe(RoleDirectoryException e) {
        String name = e.getClass().getSimpleName();
        if (e instanceof ThrottledException t && t.isQuotaExhausted()) {
            return name + " (quota exhausted)";
        }
        if (e instanceof UnavailableException u && u.isOutcomeUnknown()) {
            return name + " (outcome unknown)";
        }
        return name;
    }

    /** What the emulator's directory holds afterwards, checked against what the caller was told. */
    private static String afterwards(Op op, InMemoryRoleDirectory backing, RoleGroup hr, Role recruiter, Object result) {
        switch (op) {
            case ADD_ROLE_GROUP: {
                List<RoleGroup> named = backing.allRoleGroups().filter(g -> g.name().value().equals("Finance")).toList();
                assertThat(named).as("groups named Finance").hasSizeLessThanOrEqualTo(1);
                if (named.isEmpty()) {
                    return "absent";
                }
                if (result == null) {
                    return "exists once";
                }
                assertThat(((RoleGroup) result).id()).as("the id the caller was told").isEqualTo(named.get(0).id());
                return "exists once, id as returned";
            }
            case ADD_ROLE: {
                RoleGroup group = backing.findRoleGroup(hr.id()).orElseThrow();
                List<Role> named = group.roles().stream().filter(r -> r.name().value().equals("Payroll")).toList();
                assertThat(named).as("roles named Payroll").hasSizeLessThanOrEqualTo(1);
                assertThat(group.roles()).hasSize(1 + named.size());
                if (named.isEmpty()) {
                    return "absent";
                }
                if (result == null) {
                    return "exists once";
                }
                assertThat(((Role) result).id()).as("the id the caller was told").isEqualTo(named.get(0).id());
                return "exists once, id as returned";
            }
            case DELETE_ROLE:
                return backing.findRole(recruiter.id()).isPresent() ? "unchanged" : "deleted";
            case GRANT:
                return members(backing, recruiter).contains(ANN) ? "granted" : "unchanged";
            case REVOKE:
                return members(backing, recruiter).contains(ANN) ? "unchanged" : "revoked";
            case SET_SCOPE:
                return backing.allMembers(recruiter.id()).filter(m -> m.userId().equals(ANN)).findFirst().orElseThrow()
                        .scope().isEmpty() ? "unchanged" : "scoped";
            case RENAME_ROLE: {
                RoleId id = recruiter.id();
                String name = backing.findRoleGroup(hr.id()).orElseThrow().roles().stream()
                        .filter(r -> r.id().equals(id)).findFirst().orElseThrow().name().value();
                return name.equals("Talent Partner") ? "renamed" : "unchanged";
            }
            default: {
                assertThat(backing.allRoleGroups().count()).isEqualTo(2);
                RoleGroupId id = hr.id();
                assertThat(backing.findRoleGroup(id).orElseThrow().roles()).containsExactly(recruiter);
                return "unchanged";
            }
        }
    }

    private static List<UserId> members(InMemoryRoleDirectory backing, Role role) {
        return backing.allMembers(role.id()).map(RoleMember::userId).toList();
    }

    // ---------------------------------------------------------------------------------------------

    private static String row(Op op, Injected injected, Strikes strikes, Observed o) {
        return "| " + op.name().toLowerCase(java.util.Locale.ROOT) + " | " + injected + " | "
                + strikes.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " | " + o.outcome() + " | "
                + o.endpointCalls() + " | " + (op.other == null ? "–" : Long.toString(o.otherCalls())) + " | "
                + o.gettokenCalls() + " | " + o.afterwards() + " |";
    }

    static String document(List<String> rows) {
        StringBuilder doc = new StringBuilder();
        doc.append("# Reliability: every injected fault against every operation\n\n");
        doc.append("<!-- Generated by reliability-tests/.../FaultMatrixTest; do not edit by hand. Regenerate with\n");
        doc.append("     ./mvnw -B verify   (the test rewrites this file and fails if it was stale; commit the result) -->\n\n");
        doc.append("`DingTalkRoleDirectory` against the `dingtalk-emulator`, one fresh emulator per cell, the fault\n");
        doc.append("aimed at the operation's endpoint (for `gettoken_then_list`: at `/gettoken` of a client that has no\n");
        doc.append("token yet). Client settings: deadline ").append(DEADLINE.toSeconds()).append(" s, read timeout ")
                .append(READ_TIMEOUT.toSeconds()).append(" s, ").append(MAX_RETRIES)
                .append(" retries, backoff ").append(BACKOFF.toMillis()).append(" ms,\nthrottling wait ")
                .append(THROTTLING_WAIT.toMillis()).append(" ms, no client-side rate limit, app credentials (tokens from");
        doc.append(" `/gettoken`), HTTP traffic\nlogged at DEBUG. `DELAY_1500_MS` answers after 1.5 s, beyond the read timeout:\n");
        doc.append("the client times out while the emulator carries the call out. `PUNISH` names a 5 s wait, which does not\n");
        doc.append("fit the deadline, so it is thrown at once. Every cell also checks that the operation ended within the\n");
        doc.append("deadline and that no log line (TRACE), exception or `toString()` held the app secret or a token.\n\n");
        doc.append("Columns: **calls** = requests the operation's endpoint received; **reads** = requests of the endpoint an\n");
        doc.append("add reads to reconcile a lost reply (`list` for groups, `getrolegroup` for roles; for\n");
        doc.append("`gettoken_then_list`: the `list` calls); **gettoken** = `/gettoken` requests during the operation;\n");
        doc.append("**afterwards** = the emulator's directory after the operation.\n\n");
        doc.append("Reading it: transient faults are retried (writes look before re-sending, so a lost reply never\n");
        doc.append("duplicates a role or group and the caller gets the id of the one that exists); throttling is waited\n");
        doc.append("out; a spent quota, a ban longer than the deadline and a refused token (after one replay with a fresh\n");
        doc.append("token) are reported at once, each as its own typed exception. The transport never re-sends a request\n");
        doc.append("on its own (not even the GET of `gettoken`): every request counted here is one of the adapter's attempts.\n");
        doc.append("Grants and revokes are safe to repeat and retried like renames; they report a failure as an\n");
        doc.append("`AssignmentFailedException` around the typed exception (shown after the colon), with no pair reported\n");
        doc.append("applied. `delete_role` is retried after a lost reply, and succeeds when the retry finds the role gone.\n\n");
        doc.append("| operation | fault | strikes | outcome | calls | reads | gettoken | afterwards |\n");
        doc.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        rows.forEach(r -> doc.append(r).append('\n'));
        doc.append(handWrittenSection());
        return doc.toString();
    }

    /** The hand-written section kept in {@code hand-written-attacks.md}, appended as it is. */
    private static String handWrittenSection() {
        try (InputStream in = FaultMatrixTest.class.getResourceAsStream("/hand-written-attacks.md")) {
            if (in == null) {
                throw new IllegalStateException("hand-written-attacks.md is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
