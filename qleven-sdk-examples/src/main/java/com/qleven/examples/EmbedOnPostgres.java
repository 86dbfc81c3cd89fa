package com.qleven.examples;

import com.qleven.adapters.crypto.AesGcmFieldCipher;
import com.qleven.adapters.crypto.Argon2Parameters;
import com.qleven.adapters.crypto.Argon2idPasswordHasher;
import com.qleven.adapters.crypto.HmacChainSigner;
import com.qleven.adapters.crypto.MasterKeys;
import com.qleven.adapters.phone.LibphonenumberPhoneNumbers;
import com.qleven.adapters.postgres.EmbeddedDatabase;
import com.qleven.adapters.postgres.PostgresSettings;
import com.qleven.adapters.postgres.PostgresStore;
import com.qleven.application.Qleven;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * Embeds the core on PostgreSQL. The store migrates the schema as the owning user and then works
 * through its own unprivileged role, so row-level security holds for the partner's code too. Run
 * with {@code EXAMPLE_DATABASE_URL} (and {@code EXAMPLE_DATABASE_USER}) pointing at a database the
 * user owns, or without it to start an embedded PostgreSQL in a temporary folder.
 */
public final class EmbedOnPostgres {
    private EmbedOnPostgres() {
    }

    public static Qleven core(PostgresStore store, MasterKeys keys) {
        return Qleven.builder()
                .store(store)
                .cipher(new AesGcmFieldCipher(keys, store.shared().dataKeys(), store.shared().transactions()))
                .passwordHasher(new Argon2idPasswordHasher(Argon2Parameters.DEFAULT))
                .chainSigner(new HmacChainSigner(keys))
                .phoneNumbers(new LibphonenumberPhoneNumbers())
                .clock(Clock.systemUTC())
                .build();
    }

    /** Settings for a database, with the app role's password derived from the master keys. */
    public static PostgresSettings settings(String jdbcUrl, String user, String password, MasterKeys keys) {
        String appPassword = Base64.getUrlEncoder().withoutPadding().encodeToString(keys.derive("postgres-app-role"));
        return new PostgresSettings(jdbcUrl, user, password, Optional.empty(), Optional.empty(), appPassword, 4);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("qleven-example");
        MasterKeys keys = MasterKeys.loadOrCreate(dir.resolve("master.key"));
        String url = System.getenv("EXAMPLE_DATABASE_URL");
        if (url != null) {
            String user = Optional.ofNullable(System.getenv("EXAMPLE_DATABASE_USER")).orElse("postgres");
            String password = Optional.ofNullable(System.getenv("EXAMPLE_DATABASE_PASSWORD")).orElse("");
            try (PostgresStore store = PostgresStore.open(settings(url, user, password, keys))) {
                FrontDeskScenario.run(core(store, keys), "ana+" + System.nanoTime() + "@example.com", System.out);
            }
            return;
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dir.resolve("postgres"));
             PostgresStore store = PostgresStore.open(settings(database.jdbcUrl(), database.user(),
                     database.password(), keys))) {
            FrontDeskScenario.run(core(store, keys), "ana@example.com", System.out);
        }
    }
}
