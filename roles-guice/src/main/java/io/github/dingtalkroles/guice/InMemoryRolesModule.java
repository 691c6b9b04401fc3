package io.github.dingtalkroles.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.RoleDirectory;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Binds {@link RoleDirectory} to an {@link InMemoryRoleDirectory}: for a platform's own tests, demos and
 * local development. A fresh directory holds DingTalk's Default group; a seed adds what a test needs.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(Modules.override(new PlatformModule(), new DingTalkRolesModule(builder))
 *         .with(new InMemoryRolesModule(directory -> directory.addRoleGroup(RoleGroupName.of("HR")))));
 * }</pre>
 *
 * <p>Each injector gets its own directory, a singleton, seeded once when it is created. Both
 * {@code RoleDirectory} and {@code InMemoryRoleDirectory} are bound to it, so a test can inject the latter
 * to inject faults or take a snapshot.
 *
 * <p>A module instance may be installed in several injectors, from one thread at a time; the directory
 * is safe for concurrent use.
 */
public final class InMemoryRolesModule extends AbstractModule {
    private final Consumer<? super InMemoryRoleDirectory> seed;

    /** A module whose directory holds only the Default group. */
    public InMemoryRolesModule() {
        this(directory -> { });
    }

    /**
     * A module whose directory is first handed to {@code seed}, e.g. to add the groups and roles a test
     * expects. An exception from the seed fails the injection.
     *
     * @param seed called once per injector, with the new directory, before anything else sees it
     */
    public InMemoryRolesModule(Consumer<? super InMemoryRoleDirectory> seed) {
        this.seed = Objects.requireNonNull(seed, "seed");
    }

    @Override
    protected void configure() {
        bind(RoleDirectory.class).to(InMemoryRoleDirectory.class);
    }

    @Provides
    @Singleton
    InMemoryRoleDirectory inMemoryRoleDirectory() {
        InMemoryRoleDirectory directory = InMemoryRoleDirectory.create();
        seed.accept(directory);
        return directory;
    }
}
