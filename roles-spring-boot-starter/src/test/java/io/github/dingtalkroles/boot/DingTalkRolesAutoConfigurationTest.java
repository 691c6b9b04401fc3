package io.github.dingtalkroles.boot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dingtalkroles.dingtalk.AccessToken;
import io.github.dingtalkroles.dingtalk.AccessTokenSource;
import io.github.dingtalkroles.dingtalk.DingTalkMetrics;
import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorFault;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.port.UnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.annotation.Order;

/** Every condition and every property of {@link DingTalkRolesAutoConfiguration}, against the emulator. */
@ExtendWith(OutputCaptureExtension.class)
class DingTalkRolesAutoConfigurationTest {
    static final String APP_KEY = "starter-app";
    static final String APP_SECRET = "starter-secret-7f3a";
    static final String TOKEN = "fixed-token-91c2";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DingTalkRolesAutoConfiguration.class));

    private InMemoryRoleDirectory organisation;
    private DingTalkEmulator emulator;

    @BeforeEach
    void startEmulator() {
        organisation = InMemoryRoleDirectory.create();
        emulator = DingTalkEmulator.builder().directory(organisation)
                .appCredentials(APP_KEY, APP_SECRET).accessToken(TOKEN).start();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    private ApplicationContextRunner dingTalk(String... more) {
        List<String> properties = new ArrayList<>(List.of("dingtalk.roles.base-url=" + emulator.baseUrl(),
                "dingtalk.roles.app-key=" + APP_KEY, "dingtalk.roles.app-secret=" + APP_SECRET,
                "dingtalk.roles.retries.backoff=10ms"));
        properties.addAll(List.of(more));
        return runner.withPropertyValues(properties.toArray(String[]::new));
    }

    @Test
    void theDirectoryIsClosedWithTheContext() {
        java.util.concurrent.atomic.AtomicReference<RoleDirectory> directory = new java.util.concurrent.atomic.AtomicReference<>();
        dingTalk().run(context -> {
            directory.set(context.getBean(RoleDirectory.class));
            directory.get().listRoleGroups(PageRequest.first());
        });

        // closing released the HTTP client the directory created: it can make no more calls
        assertThatThrownBy(() -> directory.get().listRoleGroups(PageRequest.first()))
                .isInstanceOf(io.github.dingtalkroles.port.UnavailableException.class);
    }

    @Test
    void theDirectoryRecordsItsMetersInTheApplicationsRegistry() {
        dingTalk().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(DingTalkMetrics.class);
            context.getBean(RoleDirectory.class).listRoleGroups(PageRequest.first());

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("dingtalk.roles.calls").tags("endpoint", "list", "outcome", "success").timer()
                    .count()).isEqualTo(1);
            assertThat(registry.get("dingtalk.roles.token.fetches").tag("outcome", "success").counter().count())
                    .isEqualTo(1);
        });
    }

    @Test
    void withoutARegistryNothingIsRecordedAndTheDirectoryStillWorks() {
        dingTalk().run(context -> {
            assertThat(context).doesNotHaveBean(DingTalkMetrics.class);
            assertThat(context.getBean(RoleDirectory.class).listRoleGroups(PageRequest.first()).groups()).isNotEmpty();
        });
    }

    /** The failure with its causes and stack, as a log would show it. */
    static String everything(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    static void assertFailsNaming(AssertableApplicationContext context, String property, String... absent) {
        assertThat(context).hasFailed();
        Throwable failure = context.getStartupFailure();
        assertThat(failure).rootCause().isInstanceOf(InvalidRolesPropertyException.class)
                .hasMessageStartingWith(property + ": ");
        for (String secret : absent) {
            assertThat(everything(failure)).doesNotContain(secret);
        }
    }

    // --- the DingTalk backend (the default) ---

    @Test
    void theDefaultBackendIsDingTalkOverHttpWithAppCredentials() {
        dingTalk().run(context -> {
            assertThat(context).hasSingleBean(RoleDirectory.class).hasSingleBean(AccessTokenSource.class);
            RoleDirectory directory = context.getBean(RoleDirectory.class);
            assertThat(directory).isInstanceOf(DingTalkRoleDirectory.class);

            RoleGroup hr = directory.addRoleGroup(RoleGroupName.of("HR"));

            assertThat(organisation.findRoleGroup(hr.id())).isPresent();
            assertThat(emulator.requestCount(EmulatorOperation.GETTOKEN)).isEqualTo(1);
        });
    }

    @Test
    void theDirectoryAndTheHealthCheckShareOneTokenSource() {
        dingTalk().run(context -> {
            context.getBean(AccessTokenSource.class).currentToken();
            context.getBean(RoleDirectory.class).listRoleGroups(PageRequest.first(10));

            assertThat(emulator.requestCount(EmulatorOperation.GETTOKEN)).isEqualTo(1);
        });
    }

    @Test
    void aFixedAccessTokenNeedsNoGettoken() {
        runner.withPropertyValues("dingtalk.roles.backend=dingtalk", "dingtalk.roles.base-url=" + emulator.baseUrl(),
                "dingtalk.roles.access-token=" + TOKEN).run(context -> {
            context.getBean(RoleDirectory.class).listRoleGroups(PageRequest.first(10));

            assertThat(emulator.requestCount(EmulatorOperation.LIST_ROLES)).isEqualTo(1);
            assertThat(emulator.requestCount(EmulatorOperation.GETTOKEN)).isZero();
        });
    }

    @Test
    void usesTheApplicationsOwnTokenSource() {
        runner.withPropertyValues("dingtalk.roles.base-url=" + emulator.baseUrl())
                .withBean(AccessTokenSource.class, () -> AccessTokenSource.fixed(AccessToken.of(TOKEN)))
                .run(context -> {
                    context.getBean(RoleDirectory.class).listRoleGroups(PageRequest.first(10));

                    assertThat(context).hasSingleBean(AccessTokenSource.class);
                    assertThat(emulator.requestCount(EmulatorOperation.LIST_ROLES)).isEqualTo(1);
                });
    }

    @Test
    void backsOffForTheApplicationsOwnDirectory() {
        InMemoryRoleDirectory own = InMemoryRoleDirectory.create();
        runner.withBean(RoleDirectory.class, () -> own).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(RoleDirectory.class)
                    .doesNotHaveBean(DingTalkRoleDirectory.class).doesNotHaveBean(AccessTokenSource.class);
            assertThat(context.getBean(RoleDirectory.class)).isSameAs(own);
        });
    }

    @Test
    void retriesAsOftenAsConfigured() {
        emulator.faults().next(EmulatorOperation.LIST_ROLES, EmulatorFault.BUSY, 10);

        dingTalk("dingtalk.roles.retries.max=1").run(context ->
                assertThatThrownBy(() -> context.getBean(RoleDirectory.class).listRoleGroups(PageRequest.first(10)))
                        .isInstanceOf(UnavailableException.class));

        assertThat(emulator.requestCount(EmulatorOperation.LIST_ROLES)).isEqualTo(2);
    }

    @Test
    void retriesThreeTimesByDefault() {
        emulator.faults().next(EmulatorOperation.LIST_ROLES, EmulatorFault.BUSY, 10);

        dingTalk().run(context ->
                assertThatThrownBy(() -> context.getBean(RoleDirectory.class).listRoleGroups(PageRequest.first(10)))
                        .isInstanceOf(UnavailableException.class));

        assertThat(emulator.requestCount(EmulatorOperation.LIST_ROLES)).isEqualTo(4);
    }

    @Test
    void aReplySlowerThanTheReadTimeoutFailsTheCall() {
        emulator.faults().next(EmulatorOperation.LIST_ROLES, EmulatorFault.delay(Duration.ofSeconds(5)), 1);

        dingTalk("dingtalk.roles.timeouts.read=200ms", "dingtalk.roles.retries.max=0").run(context ->
                assertThatThrownBy(() -> context.getBean(RoleDirectory.class).listRoleGroups(PageRequest.first(10)))
                        .isInstanceOf(UnavailableException.class));
    }

    @Test
    void logsHttpTrafficWhenAskedAndNeverTheSecret(CapturedOutput output) {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel("io.github.dingtalkroles.dingtalk.DingTalkApi", LogLevel.DEBUG);
        try {
            dingTalk().run(context -> context.getBean(RoleDirectory.class).listRoleGroups(PageRequest.first(10)));
            assertThat(output).doesNotContain("/topapi/role/list");

            dingTalk("dingtalk.roles.log-http-traffic=true")
                    .run(context -> context.getBean(RoleDirectory.class).listRoleGroups(PageRequest.first(10)));
            assertThat(output).contains("/gettoken", "/topapi/role/list").doesNotContain(APP_SECRET);
        } finally {
            logging.setLogLevel("io.github.dingtalkroles.dingtalk.DingTalkApi", null);
        }
    }

    @Test
    void theDirectoryIsClosedWithTheContextWhenItIsCloseable() {
        // Spring's inferred destroy method calls close() on an AutoCloseable bean, and nothing otherwise
        dingTalk().run(context -> assertThat(context.getBeanFactory().getBeanDefinition("roleDirectory"))
                .isInstanceOfSatisfying(AbstractBeanDefinition.class, definition ->
                        assertThat(definition.getDestroyMethodNames()).containsExactly(AbstractBeanDefinition.INFER_METHOD)));
    }

    // --- credentials: clear errors that name the property and never the secret ---

    @Test
    void withoutCredentialsTheStartFailsNamingTheProperties() {
        runner.run(context -> {
            assertFailsNaming(context, "dingtalk.roles.app-key");
            assertThat(context.getStartupFailure()).rootCause().hasMessageContainingAll(
                    "dingtalk.roles.app-secret", "dingtalk.roles.access-token");
        });
    }

    @Test
    void aKeyWithoutSecretNamesTheSecret() {
        runner.withPropertyValues("dingtalk.roles.app-key=" + APP_KEY)
                .run(context -> assertFailsNaming(context, "dingtalk.roles.app-secret"));
    }

    @Test
    void aSecretWithoutKeyNamesTheKeyButNotTheSecret() {
        runner.withPropertyValues("dingtalk.roles.app-secret=" + APP_SECRET)
                .run(context -> assertFailsNaming(context, "dingtalk.roles.app-key", APP_SECRET));
    }

    @Test
    void aBlankKeyCountsAsMissing() {
        runner.withPropertyValues("dingtalk.roles.app-key= ", "dingtalk.roles.app-secret=" + APP_SECRET)
                .run(context -> assertFailsNaming(context, "dingtalk.roles.app-key", APP_SECRET));
    }

    @Test
    void aTokenAndAppCredentialsTogetherAreRefused() {
        dingTalk("dingtalk.roles.access-token=" + TOKEN)
                .run(context -> assertFailsNaming(context, "dingtalk.roles.access-token", TOKEN, APP_SECRET));
    }

    @Test
    void aMalformedSecretIsNamedButNotQuoted() {
        String malformed = "has\u0007control";
        runner.withPropertyValues("dingtalk.roles.app-key=" + APP_KEY, "dingtalk.roles.app-secret=" + malformed)
                .run(context -> assertFailsNaming(context, "dingtalk.roles.app-secret", malformed));
    }

    @Test
    void aMalformedTokenIsNamedButNotQuoted() {
        String malformed = "two words";
        runner.withPropertyValues("dingtalk.roles.access-token=" + malformed)
                .run(context -> assertFailsNaming(context, "dingtalk.roles.access-token", malformed));
    }

    @Test
    void refusedCredentialsFailTheCallsNotTheStart() {
        dingTalk("dingtalk.roles.app-secret=wrong-secret-55").run(context -> {
            assertThat(context).hasNotFailed();
            assertThatThrownBy(() -> context.getBean(RoleDirectory.class).listRoleGroups(PageRequest.first(10)))
                    .hasMessageNotContaining("wrong-secret-55");
        });
    }

    @ParameterizedTest
    @CsvSource({
        "dingtalk.roles.rate-limit, 0",
        "dingtalk.roles.rate-limit, 5",
        "dingtalk.roles.timeouts.connect, 1s",
        "dingtalk.roles.timeouts.read, 3s",
        "dingtalk.roles.timeouts.deadline, 5s",
        "dingtalk.roles.retries.max, 0",
        "dingtalk.roles.retries.backoff, 50ms",
        "dingtalk.roles.retries.throttling-wait, 2s",
        "dingtalk.roles.health.interval, 10s",
    })
    void aValidValueStartsADirectoryThatWorks(String property, String value) {
        dingTalk(property + "=" + value).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(RoleDirectory.class).listRoleGroups(PageRequest.first(10)).groups()).isNotEmpty();
        });
    }

    // --- bad values ---

    @ParameterizedTest
    @CsvSource({
        "dingtalk.roles.base-url, ftp://oapi.dingtalk.com",
        "dingtalk.roles.base-url, https://oapi.dingtalk.com?x=1",
        "dingtalk.roles.rate-limit, -1",
        "dingtalk.roles.timeouts.connect, 0s",
        "dingtalk.roles.timeouts.read, -1s",
        "dingtalk.roles.timeouts.deadline, 0ms",
        "dingtalk.roles.retries.max, -1",
        "dingtalk.roles.retries.backoff, 0s",
        "dingtalk.roles.retries.backoff, 31s",
        "dingtalk.roles.retries.throttling-wait, 0s",
    })
    void aValueTheAdapterRefusesFailsTheStartNamingTheProperty(String property, String value) {
        dingTalk(property + "=" + value).run(context -> assertFailsNaming(context, property, APP_SECRET));
    }

    @ParameterizedTest
    @CsvSource({
        "dingtalk.roles.rate-limit, fast",
        "dingtalk.roles.timeouts.connect, soon",
        "dingtalk.roles.retries.max, 1.5",
        "dingtalk.roles.base-url, http://bad host",
        "dingtalk.roles.backend, redis",
    })
    void aValueOfTheWrongTypeFailsTheBindingNamingTheProperty(String property, String value) {
        dingTalk(property + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(everything(context.getStartupFailure())).contains(property).doesNotContain(APP_SECRET);
        });
    }

    // --- the in-memory backend ---

    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "IN_MEMORY", "inMemory"})
    void theInMemoryBackendNeedsNoCredentials(String backend) {
        runner.withPropertyValues("dingtalk.roles.backend=" + backend).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(InMemoryRoleDirectory.class)
                    .doesNotHaveBean(DingTalkRoleDirectory.class).doesNotHaveBean(AccessTokenSource.class);
            assertThat(context.getBean(RoleDirectory.class).allRoleGroups().map(RoleGroup::name))
                    .containsExactly(RoleGroupName.DEFAULT);
        });
    }

    @Test
    void seedsTheInMemoryBackendInOrder() {
        runner.withPropertyValues("dingtalk.roles.backend=in-memory")
                .withUserConfiguration(Seeds.class)
                .run(context -> {
                    RoleDirectory directory = context.getBean(RoleDirectory.class);
                    RoleGroup hr = directory.allRoleGroups().filter(g -> g.name().equals(RoleGroupName.of("HR")))
                            .findFirst().orElseThrow();
                    assertThat(hr.roles()).extracting(role -> role.name()).containsExactly(RoleName.of("Recruiter"));
                });
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Seeds {
        // declared in the wrong order on purpose: @Order decides
        @org.springframework.context.annotation.Bean
        @Order(2)
        InMemoryRolesSeed recruiter() {
            return directory -> directory.addRole(directory.allRoleGroups()
                    .filter(g -> g.name().equals(RoleGroupName.of("HR"))).findFirst().orElseThrow().id(),
                    RoleName.of("Recruiter"));
        }

        @org.springframework.context.annotation.Bean
        @Order(1)
        InMemoryRolesSeed hr() {
            return directory -> directory.addRoleGroup(RoleGroupName.of("HR"));
        }
    }

    // --- properties ---

    @Test
    void thePropertiesNeverShowTheSecretOrTheToken() {
        dingTalk().run(context -> assertThat(context.getBean(DingTalkRolesProperties.class).toString())
                .contains(APP_KEY).doesNotContain(APP_SECRET));
        runner.withPropertyValues("dingtalk.roles.access-token=" + TOKEN)
                .run(context -> assertThat(context.getBean(DingTalkRolesProperties.class).toString())
                        .contains("accessToken=****").doesNotContain(TOKEN));
    }
}
