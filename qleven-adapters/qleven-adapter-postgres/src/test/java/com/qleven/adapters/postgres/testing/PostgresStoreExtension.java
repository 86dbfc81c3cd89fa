package com.qleven.adapters.postgres.testing;

import com.qleven.adapters.postgres.PostgresSettings;
import com.qleven.adapters.postgres.PostgresStore;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link PostgresStore} on a fresh database for one test class:
 * {@code @RegisterExtension static final PostgresStoreExtension DB = new PostgresStoreExtension();}
 */
public class PostgresStoreExtension implements BeforeAllCallback, AfterAllCallback {
    private final int maxPoolSize;
    private PostgresSettings settings;
    private PostgresStore store;

    public PostgresStoreExtension() {
        this(4);
    }

    public PostgresStoreExtension(int maxPoolSize) {
        this.maxPoolSize = maxPoolSize;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        settings = TestDatabases.newDatabase().withMaxPoolSize(maxPoolSize);
        store = PostgresStore.open(settings);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (store != null) {
            store.close();
        }
    }

    public PostgresStore store() {
        if (store == null) {
            throw new IllegalStateException("the store opens before the first test of the class");
        }
        return store;
    }

    public PostgresSettings settings() {
        return settings;
    }
}
