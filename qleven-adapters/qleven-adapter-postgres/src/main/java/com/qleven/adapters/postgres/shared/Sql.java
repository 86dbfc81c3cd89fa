package com.qleven.adapters.postgres.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;

/**
 * Binding and reading of the column types the repositories use, written out so that nothing
 * depends on the JVM's time zone or on a driver's rounding: PostgreSQL keeps microseconds, so every
 * instant is truncated to microseconds on the way in and comes back exactly as stored.
 */
public final class Sql {
    private Sql() {
    }

    /** The instant as PostgreSQL will store it. */
    public static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static Argument instant(Instant value) {
        if (value == null) {
            return (position, statement, ctx) -> statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        OffsetDateTime utc = OffsetDateTime.ofInstant(micros(value), ZoneOffset.UTC);
        return (position, statement, ctx) -> statement.setObject(position, utc);
    }

    public static Argument uuid(UUID value) {
        if (value == null) {
            return (position, statement, ctx) -> statement.setNull(position, Types.OTHER);
        }
        return (position, statement, ctx) -> statement.setObject(position, value);
    }

    public static Argument uuids(Collection<UUID> values) {
        Object[] array = values.toArray();
        return (position, statement, ctx) ->
                statement.setArray(position, statement.getConnection().createArrayOf("uuid", array));
    }

    public static Argument bytes(byte[] value) {
        if (value == null) {
            return (position, statement, ctx) -> statement.setNull(position, Types.BINARY);
        }
        return (position, statement, ctx) -> statement.setBytes(position, value);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        if (value == null) {
            throw new SQLException("column " + column + " is null where a value is required");
        }
        return value.toInstant();
    }

    public static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }
}
