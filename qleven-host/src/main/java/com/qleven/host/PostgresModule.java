package com.qleven.host;

import com.qleven.adapters.crypto.MasterKeys;
import com.qleven.adapters.postgres.EmbeddedDatabase;
import com.qleven.adapters.postgres.PostgresSettings;
import com.qleven.adapters.postgres.PostgresStore;
import com.qleven.application.QlevenStore;
import com.qleven.host.config.HostConfig;
import com.qleven.host.http.Readiness;
import dagger.Module;
import dagger.Provides;
import java.util.Base64;
import javax.inject.Singleton;

/**
 * PostgreSQL: the configured server, or an embedded one kept under the data directory between
 * runs. The pool's role password is derived from the master key, so every host of one
 * installation agrees on it without another secret to distribute.
 */
@Module
public final class PostgresModule {
    static final String APP_ROLE_PURPOSE = "postgres-app-role";

    private PostgresModule() {
    }

    @Provides
    @Singleton
    static PostgresSettings settings(HostConfig config, MasterKeys keys, Resources resources) {
        String derived = Base64.getUrlEncoder().withoutPadding().encodeToString(keys.derive(APP_ROLE_PURPOSE));
        if (config.database().isPresent()) {
            HostConfig.ExternalDatabase db = config.database().get();
            return new PostgresSettings(db.jdbcUrl(), db.user(), db.password(), config.databaseAppUser(),
                    config.databaseAppPassword(), derived, config.databasePoolSize());
        }
        DataDirectory.ensure(config.dataDir());
        // Stopped by the host's own shutdown, last (resources close newest first), not by a hook of
        // its own that would stop it under the final audit seal.
        EmbeddedDatabase db = resources.register("embedded PostgreSQL",
                EmbeddedDatabase.start(config.embeddedDatabaseDir(), false));
        return new PostgresSettings(db.jdbcUrl(), db.user(), db.password(), config.databaseAppUser(),
                config.databaseAppPassword(), derived, config.databasePoolSize());
    }

    @Provides
    @Singleton
    static PostgresStore store(PostgresSettings settings, Resources resources) {
        return resources.register("PostgreSQL store", PostgresStore.open(settings));
    }

    @Provides
    static QlevenStore qlevenStore(PostgresStore store) {
        return store;
    }

    @Provides
    static Readiness readiness(PostgresStore store, MqttService mqtt) {
        return () -> store.isReady() && mqtt.ready();
    }
}
