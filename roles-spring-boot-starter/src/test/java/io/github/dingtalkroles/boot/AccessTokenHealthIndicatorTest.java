package io.github.dingtalkroles.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.dingtalk.AccessToken;
import io.github.dingtalkroles.dingtalk.AccessTokenSource;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.ThrottledException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

class AccessTokenHealthIndicatorTest {
    private final AtomicLong now = new AtomicLong();
    private int checks;

    /** A source answering with the scripted outcomes, one per call: a token, or the exception. */
    private AccessTokenSource scripted(Deque<Supplier<AccessToken>> outcomes) {
        return new AccessTokenSource() {
            @Override
            public AccessToken currentToken() {
                checks++;
                return outcomes.removeFirst().get();
            }

            @Override
            public void invalidate(AccessToken rejected) {
            }
        };
    }

    @Test
    void checksAgainOnlyOnceTheIntervalHasPassed() {
        Deque<Supplier<AccessToken>> outcomes = new ArrayDeque<>();
        outcomes.add(() -> {
            throw new ThrottledException("throttled by DingTalk", null, false, new BackendDiagnostics("90018", null, "req-1"));
        });
        outcomes.add(() -> AccessToken.of("token-1"));
        AccessTokenSource source = scripted(outcomes);
        AccessTokenHealthIndicator indicator = new AccessTokenHealthIndicator(() -> source, Duration.ofSeconds(30), now::get);

        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(indicator.health().getDetails()).containsEntry("error", "ThrottledException").containsEntry("errcode", "90018");
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(checks).isEqualTo(1);

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(checks).isEqualTo(2);
    }

    @Test
    void aFailureOfAnotherKindShowsItsTypeButNotItsMessage() {
        AccessTokenSource source = scripted(new ArrayDeque<>(java.util.List.of(() -> {
            throw new IllegalStateException("secret-ish detail");
        })));
        AccessTokenHealthIndicator indicator = new AccessTokenHealthIndicator(() -> source, Duration.ofSeconds(1), now::get);

        assertThat(indicator.health().getDetails()).containsExactlyEntriesOf(java.util.Map.of("error", "IllegalStateException"));
    }

    @Test
    void aTokenSourceThatCannotBeBuiltIsDownNamingTheProperty() {
        AccessTokenHealthIndicator indicator = new AccessTokenHealthIndicator(() -> {
            throw new IllegalStateException("creating the bean failed",
                    new InvalidRolesPropertyException("dingtalk.roles.app-key", "missing"));
        }, Duration.ofSeconds(1), now::get);

        assertThat(indicator.health().getDetails()).containsEntry("message", "dingtalk.roles.app-key: missing");
    }
}
