package com.qleven.adapters.postgres.messaging;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.domain.messaging.FrequencyCap;
import com.qleven.domain.messaging.MessagingSettings;
import com.qleven.domain.messaging.ReminderSchedule;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.MessagingCenters;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A center's messaging settings ({@code messaging_settings}, V34, with the center's STOP words
 * and marketing cap from V36), one statement per read or save,
 * under row-level security. A save is conditional on the version read, so of two saves from the
 * same read one only succeeds.
 */
final class PostgresMessagingCenters implements MessagingCenters {
    private final PostgresTransactions tx;

    PostgresMessagingCenters(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Saved> read(TenantId tenant) {
        return tx.withHandle(Optional.of(tenant), "read a center's messaging settings", h -> h.createQuery("""
                        SELECT reminder_offsets_seconds, sends_per_second, content_retention_days, version,
                            opt_out_words, marketing_cap_messages, marketing_cap_days
                        FROM public.messaging_settings WHERE tenant_id = :tenant""")
                .bind("tenant", tenant.value())
                .map((rs, ctx) -> new Saved(new MessagingSettings(new ReminderSchedule(offsets(rs.getArray(1))),
                        rs.getInt(2), Duration.ofDays(rs.getInt(3)), words(rs.getArray(5)),
                        new FrequencyCap(rs.getInt(6), Duration.ofDays(rs.getInt(7)))), rs.getLong(4)))
                .findOne());
    }

    @Override
    public boolean save(TenantId tenant, MessagingSettings settings, long expectedVersion, Instant at) {
        Integer[] offsets = settings.reminders().offsets().stream().map(d -> Math.toIntExact(d.toSeconds()))
                .toArray(Integer[]::new);
        String sql = expectedVersion == 0 ? """
                INSERT INTO public.messaging_settings (tenant_id, reminder_offsets_seconds, sends_per_second,
                    content_retention_days, opt_out_words, marketing_cap_messages, marketing_cap_days, version,
                    updated_at)
                VALUES (:tenant, :offsets, :rate, :days, :words, :capMessages, :capDays, 1, :at)
                ON CONFLICT (tenant_id) DO NOTHING""" : """
                UPDATE public.messaging_settings SET reminder_offsets_seconds = :offsets, sends_per_second = :rate,
                    content_retention_days = :days, opt_out_words = :words, marketing_cap_messages = :capMessages,
                    marketing_cap_days = :capDays, version = version + 1, updated_at = :at
                WHERE tenant_id = :tenant AND version = :expected""";
        return tx.withHandle(Optional.of(tenant), "save a center's messaging settings", h -> {
            var update = h.createUpdate(sql)
                    .bind("tenant", tenant.value())
                    .bindArray("offsets", Integer.class, (Object[]) offsets)
                    .bind("rate", settings.sendsPerSecond())
                    .bind("days", Math.toIntExact(settings.contentRetention().toDays()))
                    .bindArray("words", String.class, settings.optOutWords().toArray())
                    .bind("capMessages", settings.marketingCap().maxMessages())
                    .bind("capDays", Math.toIntExact(settings.marketingCap().per().toDays()))
                    .bind("at", at);
            if (expectedVersion != 0) {
                update.bind("expected", expectedVersion);
            }
            return update.execute();
        }) == 1;
    }

    private static List<String> words(Array array) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Object word : (Object[]) array.getArray()) {
            out.add((String) word);
        }
        return out;
    }

    private static List<Duration> offsets(Array array) throws SQLException {
        List<Duration> out = new ArrayList<>();
        for (Object seconds : (Object[]) array.getArray()) {
            out.add(Duration.ofSeconds(((Number) seconds).longValue()));
        }
        return out;
    }
}
