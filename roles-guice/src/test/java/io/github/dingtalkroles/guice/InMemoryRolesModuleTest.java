package io.github.dingtalkroles.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import io.github.dingtalkroles.dingtalk.AppSecret;
import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.port.RoleDirectoryException;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryRolesModuleTest {

    /** The platform's production wiring: its own service plus the DingTalk backend. */
    static final class PlatformModule extends AbstractModule {
        @Override
        protected void configure() {
            bind(Onboarding.class);
        }
    }

    static final class Onboarding {
        private final RoleDirectory roles;

        @Inject
        Onboarding(RoleDirectory roles) {
            this.roles = roles;
        }

        List<RoleGroupName> groupNames() {
            return roles.allRoleGroups().map(RoleGroup::name).toList();
        }
    }

    @Test
    void aFreshDirectoryHoldsTheDefaultGroupOnly() {
        RoleDirectory directory = Guice.createInjector(new InMemoryRolesModule()).getInstance(RoleDirectory.class);

        assertThat(directory.allRoleGroups()).singleElement()
                .satisfies(group -> assertThat(group.id().value()).isEqualTo(InMemoryRoleDirectory.DEFAULT_GROUP_ID));
    }

    @Test
    void seedsTheDirectoryFromCodeOncePerInjector() {
        InMemoryRolesModule module = new InMemoryRolesModule(directory -> {
            RoleGroup hr = directory.addRoleGroup(RoleGroupName.of("HR"));
            directory.addRole(hr.id(), RoleName.of("Recruiter"));
        });
        Injector first = Guice.createInjector(module);
        Injector second = Guice.createInjector(module);

        RoleDirectory directory = first.getInstance(RoleDirectory.class);
        directory.addRoleGroup(RoleGroupName.of("Only in the first"));

        assertThat(directory).isSameAs(first.getInstance(InMemoryRoleDirectory.class));
        assertThat(second.getInstance(Onboarding.class).groupNames())
                .containsExactly(RoleGroupName.DEFAULT, RoleGroupName.of("HR"));
    }

    @Test
    void aFailingSeedFailsTheInjection() {
        InMemoryRolesModule module = new InMemoryRolesModule(directory -> directory.addRole(
                RoleGroupId.of(InMemoryRoleDirectory.DEFAULT_GROUP_ID), RoleName.of("Not allowed in Default")));

        assertThatThrownBy(() -> Guice.createInjector(module).getInstance(RoleDirectory.class))
                .isInstanceOf(ProvisionException.class)
                .hasRootCauseInstanceOf(RoleDirectoryException.class);
    }

    @Test
    void overridesTheDingTalkBackendInAPlatformsTest() {
        InMemoryRoleDirectory organisation = InMemoryRoleDirectory.create();
        try (DingTalkEmulator emulator = DingTalkEmulator.builder()
                .directory(organisation).appCredentials("app", "secret").start()) {
            Module production = Modules.combine(new PlatformModule(), new DingTalkRolesModule(
                    DingTalkRoleDirectory.builder().baseUrl(emulator.baseUrl()).appCredentials("app", AppSecret.of("secret"))));

            Injector test = Guice.createInjector(Stage.PRODUCTION, Modules.override(production)
                    .with(new InMemoryRolesModule(directory -> directory.addRoleGroup(RoleGroupName.of("Seeded")))));

            assertThat(test.getInstance(RoleDirectory.class)).isInstanceOf(InMemoryRoleDirectory.class);
            assertThat(test.getInstance(Onboarding.class).groupNames())
                    .containsExactly(RoleGroupName.DEFAULT, RoleGroupName.of("Seeded"));
            for (EmulatorOperation endpoint : EmulatorOperation.values()) {
                assertThat(emulator.requestCount(endpoint)).as("requests to %s", endpoint).isZero();
            }
            // the same production modules, not overridden, do reach DingTalk
            assertThat(Guice.createInjector(production).getInstance(Onboarding.class).groupNames())
                    .containsExactly(RoleGroupName.DEFAULT);
            assertThat(emulator.requestCount(EmulatorOperation.LIST_ROLES)).isPositive();
        }
    }
}
