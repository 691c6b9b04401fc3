package io.github.dingtalkroles.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.dingtalkroles.port.RoleDirectory;
import java.nio.file.Path;
import java.util.Objects;

/** Binds {@link RoleDirectory} to the local JSON store at one path. */
final class LocalStoreModule extends AbstractModule {
    private final Path store;

    LocalStoreModule(Path store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Provides
    @Singleton
    LocalStore localStore() {
        return new LocalStore(store).open();
    }

    @Provides
    @Singleton
    RoleDirectory directory(LocalStore localStore) {
        return localStore;
    }
}
