package com.qleven.adapters.postgres.consent;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentChannel;
import com.qleven.domain.consent.ConsentDecision;
import com.qleven.domain.consent.ConsentEntryId;
import com.qleven.domain.consent.ConsentNotice;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.consent.out.ConsentLedger;
import com.qleven.ports.consent.out.StoredConsent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The consent ledger in {@code consent_entries}: inserts only, and the one update erasure needs
 * (the table's trigger refuses any other). Every statement filters by {@code tenant_id} on top of
 * row-level security; order is (recorded_at, position).
 */
final class PostgresConsentLedger implements ConsentLedger {
    private static final String COLUMNS = "tenant_id, id, client_id, purpose, decision, channel, text_version,"
            + " text_sha256, proof, recorded_by, recorded_at, age_verified";
    private static final RowMapper<StoredConsent> ENTRY = (rs, ctx) -> new StoredConsent(
            new ConsentEntryId(Sql.uuid(rs, "id")), new TenantId(Sql.uuid(rs, "tenant_id")),
            new ClientId(Sql.uuid(rs, "client_id")), new ConsentPurpose(rs.getString("purpose")),
            ConsentDecision.fromWire(rs.getString("decision")), ConsentChannel.fromWire(rs.getString("channel")),
            new ConsentNotice(rs.getString("text_version"), rs.getString("text_sha256")), rs.getBytes("proof"),
            Optional.ofNullable(Sql.uuid(rs, "recorded_by")).map(UserId::new), Sql.instant(rs, "recorded_at"),
            rs.getBoolean("age_verified"));

    private final PostgresTransactions tx;

    PostgresConsentLedger(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void append(StoredConsent e) {
        tx.withHandle(Optional.of(e.tenant()), "record a consent", h -> h
                .createUpdate("INSERT INTO public.consent_entries (" + COLUMNS + ") VALUES (:tenant, :id, :client,"
                        + " :purpose, :decision, :channel, :version, :sha, :proof, :recordedBy, :at, :ageVerified)")
                .bind("tenant", e.tenant().value())
                .bind("id", e.id().value())
                .bind("client", e.client().value())
                .bind("purpose", e.purpose().code())
                .bind("decision", e.decision().wireName())
                .bind("channel", e.channel().wireName())
                .bind("version", e.notice().version())
                .bind("sha", e.notice().textSha256())
                .bind("proof", e.proof())
                .bind("recordedBy", e.recordedBy().map(UserId::value).orElse(null))
                .bind("at", e.recordedAt())
                .bind("ageVerified", e.ageVerified())
                .execute());
    }

    @Override
    public List<StoredConsent> history(TenantId tenant, ClientId client) {
        return tx.withHandle(Optional.of(tenant), "read a client's consents", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.consent_entries"
                        + " WHERE tenant_id = :tenant AND client_id = :client ORDER BY recorded_at, position")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .map(ENTRY)
                .list());
    }

    @Override
    public Optional<StoredConsent> latest(TenantId tenant, ClientId client, ConsentPurpose purpose, Instant at) {
        return tx.withHandle(Optional.of(tenant), "check a consent", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.consent_entries"
                        + " WHERE tenant_id = :tenant AND client_id = :client AND purpose = :purpose"
                        + " AND recorded_at <= :at ORDER BY recorded_at DESC, position DESC LIMIT 1")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .bind("purpose", purpose.code())
                .bind("at", at)
                .map(ENTRY)
                .findOne());
    }

    @Override
    public int eraseProofs(TenantId tenant, ClientId client) {
        return tx.withHandle(Optional.of(tenant), "erase a client's consent proofs", h -> h
                .createUpdate("UPDATE public.consent_entries SET proof = NULL"
                        + " WHERE tenant_id = :tenant AND client_id = :client AND proof IS NOT NULL")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .execute());
    }
}
