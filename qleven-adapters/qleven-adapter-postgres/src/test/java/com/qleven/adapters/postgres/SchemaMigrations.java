package com.qleven.adapters.postgres;

/**
 * For test fixtures: the schema's migrations alone, without the pool's role. A template database
 * migrated this way gives each clone's store the chance to create and grant its own role.
 */
public final class SchemaMigrations {
    private SchemaMigrations() {
    }

    public static void migrate(PostgresSettings settings) {
        Migrations.migrate(settings);
    }

    /**
     * The schema's migrations up to {@code version} and no further, as a host of an earlier build
     * left the database: for tests of what a later migration does to the rows it finds.
     */
    public static void migrateTo(PostgresSettings settings, String version) {
        org.flywaydb.core.Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(settings.jdbcUrl(), settings.ownerUser(), settings.ownerPassword())
                .locations("classpath:db/migration")
                .table(Migrations.HISTORY_TABLE)
                .target(version)
                .load()
                .migrate();
    }
}
