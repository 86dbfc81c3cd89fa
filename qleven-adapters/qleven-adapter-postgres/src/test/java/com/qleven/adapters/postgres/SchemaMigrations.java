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
}
