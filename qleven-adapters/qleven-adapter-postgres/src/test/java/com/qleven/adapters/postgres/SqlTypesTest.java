package com.qleven.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.adapters.postgres.testing.PostgresStoreExtension;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The types the store's {@link Jdbi} binds and reads ({@code Sql.configure}): plain values at the
 * call sites, a NULL of the column's type for an absent one, and instants that neither the JVM's
 * zone nor the driver's rounding can move.
 */
class SqlTypesTest {
    @RegisterExtension
    static final PostgresStoreExtension DB = new PostgresStoreExtension();

    /** 23:30:00.1234567 on 28 March 2026 in UTC: far from midnight in Kiritimati (UTC+14). */
    private static final Instant NANOS = Instant.parse("2026-03-28T23:30:00.123456789Z");
    private static final Instant MICROS = Instant.parse("2026-03-28T23:30:00.123456Z");

    private static <T> T withHandle(Function<Handle, T> work) {
        AtomicReference<Jdbi> jdbi = new AtomicReference<>();
        DB.store().instrument(jdbi::set);
        return jdbi.get().withHandle(work::apply);
    }

    private static String typeOf(Function<Handle, org.jdbi.v3.core.statement.Query> query) {
        return withHandle(h -> query.apply(h).mapTo(String.class).one());
    }

    /**
     * The driver sends no type with a timestamp NULL (it cannot tell timestamp from timestamptz),
     * so the server types it from where it stands, as it did for the hand-written binder; a NULL
     * typed as text or varchar would fail here, there being no timestamptz = varchar operator.
     */
    @Test
    void an_absent_instant_bound_by_type_is_a_null_typed_by_its_column() {
        Optional<Boolean> equal = withHandle(h -> h.createQuery(
                        "SELECT t = :at FROM (VALUES (CAST(:t AS timestamptz))) AS v(t)")
                .bind("t", NANOS)
                .bindByType("at", null, Instant.class)
                .mapTo(Boolean.class)
                .findOne());
        assertThat(equal).isEmpty();
    }

    @Test
    void absent_bytes_are_a_bytea_null() {
        byte[] none = null;
        assertThat(typeOf(h -> h.createQuery("SELECT pg_typeof(:b)::text").bind("b", none))).isEqualTo("bytea");
    }

    @Test
    void a_uuid_binds_as_uuid_and_an_absent_one_as_a_null_typed_by_its_column() {
        UUID id = UUID.randomUUID();
        assertThat(typeOf(h -> h.createQuery("SELECT pg_typeof(:id)::text").bind("id", id))).isEqualTo("uuid");
        UUID none = null;
        // A NULL typed as text or varchar would fail here: there is no uuid = text operator.
        Optional<Boolean> equal = withHandle(h -> h.createQuery(
                        "SELECT u = :id FROM (VALUES (CAST(:u AS uuid))) AS v(u)")
                .bind("u", id)
                .bind("id", none)
                .mapTo(Boolean.class)
                .findOne());
        assertThat(equal).isEmpty();
    }

    @Test
    void an_instant_is_stored_to_the_microsecond_truncated_whatever_the_jvm_zone() {
        TimeZone zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
        try {
            String stored = withHandle(h -> h.createQuery(
                            "SELECT to_char(CAST(:at AS timestamptz) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')")
                    .bind("at", NANOS)
                    .mapTo(String.class)
                    .one());
            assertThat(stored).isEqualTo("2026-03-28T23:30:00.123456");
            Instant roundTrip = withHandle(h -> h.createQuery("SELECT CAST(:at AS timestamptz)")
                    .bind("at", NANOS).mapTo(Instant.class).one());
            assertThat(roundTrip).isEqualTo(MICROS);
            Instant read = withHandle(h -> h.createQuery("SELECT CAST('2026-03-28 23:30:00.123456+00' AS timestamptz)")
                    .mapTo(Instant.class).one());
            assertThat(read).isEqualTo(MICROS);
        } finally {
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void a_null_timestamptz_reads_as_no_instant() {
        Optional<Instant> read = withHandle(h -> h.createQuery("SELECT CAST(NULL AS timestamptz)")
                .mapTo(Instant.class).findOne());
        assertThat(read).isEmpty();
    }

    @Test
    void lists_bind_as_arrays_of_the_columns_types_keeping_order_and_nulls() {
        TimeZone zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
        try {
            List<Instant> instants = Arrays.asList(NANOS, null, Instant.EPOCH);
            List<Instant> read = withHandle(h -> h.createQuery(
                            "SELECT t.at FROM unnest(:at) WITH ORDINALITY AS t(at, n) ORDER BY n")
                    .bindArray("at", Instant.class, instants)
                    .mapTo(Instant.class)
                    .list());
            assertThat(read).containsExactly(MICROS, null, Instant.EPOCH);
            assertThat(typeOf(h -> h.createQuery("SELECT pg_typeof(:at)::text")
                    .bindArray("at", Instant.class, instants))).isEqualTo("timestamp with time zone[]");
        } finally {
            TimeZone.setDefault(zone);
        }
        assertThat(typeOf(h -> h.createQuery("SELECT pg_typeof(:t)::text")
                .bindArray("t", String.class, List.of("a", "b")))).isEqualTo("text[]");
        UUID first = UUID.randomUUID();
        List<UUID> ids = Arrays.asList(first, null);
        List<UUID> read = withHandle(h -> h.createQuery(
                        "SELECT t.id FROM unnest(:ids) WITH ORDINALITY AS t(id, n) ORDER BY n")
                .bindArray("ids", UUID.class, ids)
                .mapTo(UUID.class)
                .list());
        assertThat(read).containsExactly(first, null);
    }
}
