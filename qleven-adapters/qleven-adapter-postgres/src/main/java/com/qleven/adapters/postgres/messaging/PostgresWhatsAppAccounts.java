package com.qleven.adapters.postgres.messaging;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.ConnectedAccount;
import com.qleven.ports.messaging.out.ConnectedAccount.AccountStatus;
import com.qleven.ports.messaging.out.WhatsAppAccounts;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Connected numbers in {@code whatsapp_accounts} (V31, row-level security) and the global
 * {@code directory.whatsapp_numbers}, written by {@link #save} in one statement: the directory row
 * is claimed first, and the center's row is written only when the claim held, so a phone-number id
 * another center holds changes nothing and is a conflict.
 */
final class PostgresWhatsAppAccounts implements WhatsAppAccounts {
    private static final RowMapper<ConnectedAccount> ACCOUNT = (rs, ctx) -> new ConnectedAccount(
            new TenantId(Sql.uuid(rs, "tenant_id")), rs.getString("phone_number_id"), rs.getString("waba_id"),
            rs.getString("display_phone_number"), rs.getBytes("sealed_token"),
            AccountStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), Sql.instant(rs, "connected_at"),
            Sql.instant(rs, "updated_at"), rs.getLong("version"));

    private final PostgresTransactions tx;

    PostgresWhatsAppAccounts(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<ConnectedAccount> find(TenantId tenant) {
        return tx.withHandle(Optional.of(tenant), "read the connected WhatsApp number", h -> h.createQuery("""
                        SELECT * FROM public.whatsapp_accounts WHERE tenant_id = :tenant""")
                .bind("tenant", tenant.value())
                .map(ACCOUNT)
                .findOne());
    }

    @Override
    public void save(ConnectedAccount a) {
        // The claim's ON CONFLICT … WHERE updates only this center's row: another center's leaves
        // "claimed" empty, and then neither the old number's row goes nor the center's row is written.
        int claimed = tx.withHandle(Optional.of(a.tenant()), "connect a WhatsApp number", h -> h.createQuery("""
                        WITH claimed AS (
                            INSERT INTO directory.whatsapp_numbers (phone_number_id, tenant_id, waba_id)
                            VALUES (:phoneNumberId, :tenant, :wabaId)
                            ON CONFLICT (phone_number_id) DO UPDATE SET waba_id = EXCLUDED.waba_id
                            WHERE directory.whatsapp_numbers.tenant_id = EXCLUDED.tenant_id
                            RETURNING 1),
                        released AS (
                            DELETE FROM directory.whatsapp_numbers
                            WHERE tenant_id = :tenant AND phone_number_id <> :phoneNumberId
                              AND EXISTS (SELECT 1 FROM claimed)),
                        account AS (
                            INSERT INTO public.whatsapp_accounts (tenant_id, phone_number_id, waba_id,
                                display_phone_number, sealed_token, status, connected_at, updated_at, version)
                            SELECT :tenant, :phoneNumberId, :wabaId, :display, :token, :status, :connectedAt,
                                :updatedAt, :version
                            WHERE EXISTS (SELECT 1 FROM claimed)
                            ON CONFLICT (tenant_id) DO UPDATE SET phone_number_id = EXCLUDED.phone_number_id,
                                waba_id = EXCLUDED.waba_id, display_phone_number = EXCLUDED.display_phone_number,
                                sealed_token = EXCLUDED.sealed_token, status = EXCLUDED.status,
                                connected_at = EXCLUDED.connected_at, updated_at = EXCLUDED.updated_at,
                                version = EXCLUDED.version)
                        SELECT count(*) FROM claimed""")
                .bind("tenant", a.tenant().value())
                .bind("phoneNumberId", a.phoneNumberId())
                .bind("wabaId", a.wabaId())
                .bind("display", a.displayPhoneNumber())
                .bind("token", a.sealedToken())
                .bind("status", a.status().wireName())
                .bind("connectedAt", a.connectedAt())
                .bind("updatedAt", a.updatedAt())
                .bind("version", a.version())
                .mapTo(Integer.class)
                .one());
        if (claimed == 0) {
            throw new ConflictException("another center has connected this phone-number id");
        }
    }

    @Override
    public boolean markReconnectNeeded(TenantId tenant, Instant at) {
        return tx.withHandle(Optional.of(tenant), "mark the WhatsApp number for reconnection", h -> h.createUpdate("""
                        UPDATE public.whatsapp_accounts
                        SET status = 'reconnect_needed', updated_at = greatest(updated_at, :at), version = version + 1
                        WHERE tenant_id = :tenant AND status = 'connected'""")
                .bind("tenant", tenant.value())
                .bind("at", at)
                .execute()) == 1;
    }

    @Override
    public Optional<TenantId> centerOfPhoneNumber(String phoneNumberId) {
        return tx.withHandle("find the center of a phone-number id", h -> h.createQuery("""
                        SELECT tenant_id FROM directory.whatsapp_numbers WHERE phone_number_id = :id""")
                .bind("id", phoneNumberId)
                .map((rs, ctx) -> new TenantId(Sql.uuid(rs, "tenant_id")))
                .findOne());
    }

    @Override
    public List<TenantId> centersOfBusinessAccount(String wabaId) {
        return tx.withHandle("find the centers of a business account", h -> h.createQuery("""
                        SELECT DISTINCT tenant_id FROM directory.whatsapp_numbers WHERE waba_id = :waba
                        ORDER BY tenant_id""")
                .bind("waba", wabaId)
                .map((rs, ctx) -> new TenantId(Sql.uuid(rs, "tenant_id")))
                .list());
    }
}
