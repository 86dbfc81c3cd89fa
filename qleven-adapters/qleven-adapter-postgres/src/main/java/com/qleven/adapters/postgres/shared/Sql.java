package com.qleven.adapters.postgres.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * How the repositories' values travel to and from PostgreSQL, set once on the store's {@link Jdbi}
 * so that statements bind plain values ({@code .bind("at", instant)}, {@code .bind("id", uuid)},
 * {@code .bindArray("ids", UUID.class, ids)}) and nothing depends on the JVM's time zone or on a
 * driver's rounding.
 *
 * <p>{@link PostgresPlugin} binds UUIDs as {@code uuid} and knows the array types; {@code byte[]}
 * binds through Jdbi's typed {@code bind(String, byte[])}, a null one as a {@code bytea} NULL. What
 * the plugin does not do the way this schema needs is registered here: an {@link Instant} is a UTC
 * {@link OffsetDateTime} truncated to microseconds (PostgreSQL keeps microseconds; the driver would
 * round, and Jdbi's own binding goes through {@link java.sql.Timestamp} and the JVM's zone), so
 * every instant comes back exactly as stored, and a {@code timestamptz} reads back as an instant.
 * An absent instant is bound by type ({@code bindByType(name, null, Instant.class)}), which sets a
 * {@code TIMESTAMP_WITH_TIMEZONE} NULL as the hand-written binder did; the driver sends that NULL,
 * like an absent UUID's, without a type of its own, for the server to type from its column or
 * comparison. Text arrays are {@code text[]}, the columns' type, rather than Jdbi's default
 * {@code varchar[]}.
 */
public final class Sql {
    private Sql() {
    }

    /** Installs the plugin and this adapter's types on {@code jdbi}; answers it. */
    public static Jdbi configure(Jdbi jdbi) {
        return jdbi.installPlugin(new PostgresPlugin())
                .registerArgument(new InstantArgumentFactory())
                .registerColumnMapper(Instant.class, (rs, column, ctx) ->
                        instant(rs.getObject(column, OffsetDateTime.class)))
                .registerArrayType(Instant.class, "timestamptz", Sql::utc)
                .registerArrayType(String.class, "text");
    }

    /** The instant as PostgreSQL will store it. */
    public static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The instant as bound: in UTC, to the microsecond; null stays null (an array's element). */
    private static OffsetDateTime utc(Instant value) {
        return value == null ? null : OffsetDateTime.ofInstant(micros(value), ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    /** A non-null instant as a UTC {@code timestamptz}; Jdbi sets a null bound by type as its type's NULL. */
    private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
        InstantArgumentFactory() {
            super(Types.TIMESTAMP_WITH_TIMEZONE);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            OffsetDateTime utc = utc(value);
            return (position, statement, ctx) -> statement.setObject(position, utc);
        }
    }

    /** A {@code timestamptz} column that must hold a value, read without the JVM's zone. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Instant value = instant(rs.getObject(column, OffsetDateTime.class));
        if (value == null) {
            throw new SQLException("column " + column + " is null where a value is required");
        }
        return value;
    }

    public static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(instant(rs.getObject(column, OffsetDateTime.class)));
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }
}
