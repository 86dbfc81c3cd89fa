package com.qleven.adapters.postgres;

import com.qleven.adapters.postgres.shared.SqlFailures;
import com.qleven.domain.shared.InfrastructureException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** The schema's Flyway migrations, run as the owner. */
final class Migrations {
    /** Every schema the migrations create objects in; the app role is granted what it needs in each. */
    static final List<String> SCHEMAS = List.of("public", "directory", "keystore");
    static final String HISTORY_TABLE = "flyway_schema_history";

    private Migrations() {
    }

    static void migrate(PostgresSettings settings) {
        try {
            Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(settings.jdbcUrl(), settings.ownerUser(), settings.ownerPassword())
                    .locations("classpath:db/migration")
                    .table(HISTORY_TABLE)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new InfrastructureException("cannot migrate the database as " + settings.ownerUser() + ": "
                    + e.getMessage(), SqlFailures.isRetryable(e), e);
        }
    }
}
