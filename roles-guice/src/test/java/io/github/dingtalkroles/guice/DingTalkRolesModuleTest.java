package io.github.dingtalkroles.guice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import io.github.dingtalkroles.dingtalk.AppSecret;
import io.github.dingtalkroles.dingtalk.DingTalkMetrics;
import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import io.github.dingtalkroles.dingtalk.MicrometerDingTalkMetrics;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.NotAuthorizedException;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleDirectory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DingTalkRolesModuleTest {
    private static final String APP_KEY = "guice-app";
    private static final String APP_SECRET = "guice-secret";

    private InMemoryRoleDirectory organisation;
    private DingTalkEmulator emulator;

    @BeforeEach
    void startEmulator() {
        organisation = InMemoryRoleDirectory.create();
        emulator = DingTalkEmulator.builder()
                .directory(organisation)
                .appCredentials(APP_KEY, APP_SECRET)
                .start();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    private DingTalkRoleDirectory.Builder builder(String secret) {
        return DingTalkRoleDirectory.builder()
                .baseUrl(emulator.baseUrl())
                .appCredentials(APP_KEY, AppSecret.of(secret))
                .deadline(Duration.ofSeconds(10));
    }

    /** A class of the platform's own that needs the port. */
    static final class HrOnboarding {
        final RoleDirectory roles;

        @Inject
        HrOnboarding(RoleDirectory roles) {
            this.roles = roles;
        }
    }

    @Test
    void bindsTheRoleDirectoryToDingTalkOverHttp() {
        Injector injector = Guice.createInjector(new DingTalkRolesModule(builder(APP_SECRET)));

        RoleGroup hr = injector.getInstance(HrOnboarding.class).roles.addRoleGroup(RoleGroupName.of("HR"));

        assertThat(organisation.findRoleGroup(hr.id())).hasValueSatisfying(
                group -> assertThat(group.name()).isEqualTo(RoleGroupName.of("HR")));
        assertThat(emulator.requestCount(EmulatorOperation.GETTOKEN)).isEqualTo(1);
        assertThat(emulator.requestCount(EmulatorOperation.ADD_ROLE_GROUP)).isEqualTo(1);
    }

    @Test
    void recordsMetersWhereThePlatformBindsItsMetrics() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Injector injector = Guice.createInjector(new DingTalkRolesModule(builder(APP_SECRET)), new AbstractModule() {
            @Override
            protected void configure() {
                bind(DingTalkMetrics.class).toInstance(MicrometerDingTalkMetrics.of(registry));
            }
        });

        injector.getInstance(RoleDirectory.class).listRoleGroups(PageRequest.first());

        assertThat(registry.get("dingtalk.roles.calls").tag("endpoint", "list").timer().count()).isEqualTo(1);
    }

    @Test
    void buildsOneDirectoryPerInjector() {
        DingTalkRolesModule module = new DingTalkRolesModule(builder(APP_SECRET));
        Injector first = Guice.createInjector(module);
        Injector second = Guice.createInjector(module);

        RoleDirectory directory = first.getInstance(RoleDirectory.class);

        assertThat(directory).isInstanceOf(DingTalkRoleDirectory.class)
                .isSameAs(first.getInstance(RoleDirectory.class))
                .isSameAs(first.getInstance(DingTalkRoleDirectory.class))
                .isSameAs(first.getInstance(HrOnboarding.class).roles)
                .isNotSameAs(second.getInstance(RoleDirectory.class));
    }

    @Test
    void refusedCredentialsReachTheCallerAsThePortsException() {
        RoleDirectory directory = Guice.createInjector(new DingTalkRolesModule(builder("wrong-secret")))
                .getInstance(RoleDirectory.class);

        assertThatThrownBy(() -> directory.findRoleGroup(organisation.allRoleGroups().findFirst().orElseThrow().id()))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageNotContaining("wrong-secret");
    }

    @Test
    void aBuilderWithoutCredentialsFailsTheInjectionWithTheBuildersMessage() {
        DingTalkRolesModule module = new DingTalkRolesModule(DingTalkRoleDirectory.builder().baseUrl(emulator.baseUrl()));

        assertThatThrownBy(() -> Guice.createInjector(module).getInstance(RoleDirectory.class))
                .isInstanceOf(ProvisionException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("configure how to get access tokens");
        assertThatThrownBy(() -> Guice.createInjector(Stage.PRODUCTION, module))
                .as("a production injector builds its singletons at once, so the mistake shows at start-up")
                .isInstanceOf(CreationException.class)
                .hasMessageContaining("configure how to get access tokens");
    }
}
