package com.qleven.adapters.postgres.consent;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.consent.NoticeText;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.consent.out.ConsentNotices;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** The centers' notice texts in {@code consent_notices}, append-only, under row-level security. */
final class PostgresConsentNotices implements ConsentNotices {
    private static final String COLUMNS = "tenant_id, purpose, version, text, published_at, published_by";
    private static final RowMapper<NoticeText> NOTICE = (rs, ctx) -> new NoticeText(
            new TenantId(Sql.uuid(rs, "tenant_id")), new ConsentPurpose(rs.getString("purpose")),
            rs.getInt("version"), rs.getString("text"), Sql.instant(rs, "published_at"),
            Optional.ofNullable(Sql.uuid(rs, "published_by")).map(UserId::new));

    private final PostgresTransactions tx;

    PostgresConsentNotices(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean add(NoticeText notice) {
        return tx.withHandle(Optional.of(notice.tenant()), "publish a consent notice", h -> h
                .createUpdate("INSERT INTO public.consent_notices (" + COLUMNS + ") VALUES (:tenant, :purpose,"
                        + " :version, :text, :publishedAt, :publishedBy)"
                        + " ON CONFLICT (tenant_id, purpose, version) DO NOTHING")
                .bind("tenant", notice.tenant().value())
                .bind("purpose", notice.purpose().code())
                .bind("version", notice.version())
                .bind("text", notice.text())
                .bind("publishedAt", notice.publishedAt())
                .bind("publishedBy", notice.publishedBy().map(UserId::value).orElse(null))
                .execute()) == 1;
    }

    @Override
    public Optional<NoticeText> latest(TenantId tenant, ConsentPurpose purpose) {
        return tx.withHandle(Optional.of(tenant), "find a consent notice", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.consent_notices"
                        + " WHERE tenant_id = :tenant AND purpose = :purpose ORDER BY version DESC LIMIT 1")
                .bind("tenant", tenant.value())
                .bind("purpose", purpose.code())
                .map(NOTICE)
                .findOne());
    }

    @Override
    public List<NoticeText> latestOfEach(TenantId tenant) {
        return tx.withHandle(Optional.of(tenant), "list the latest consent notices", h -> h
                .createQuery("SELECT DISTINCT ON (purpose) " + COLUMNS + " FROM public.consent_notices"
                        + " WHERE tenant_id = :tenant ORDER BY purpose, version DESC")
                .bind("tenant", tenant.value())
                .map(NOTICE)
                .list());
    }

    @Override
    public List<NoticeText> versions(TenantId tenant, ConsentPurpose purpose, int beforeVersion, int limit) {
        return tx.withHandle(Optional.of(tenant), "list a consent notice's versions", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.consent_notices"
                        + " WHERE tenant_id = :tenant AND purpose = :purpose AND version < :before"
                        + " ORDER BY version DESC LIMIT :limit")
                .bind("tenant", tenant.value())
                .bind("purpose", purpose.code())
                .bind("before", beforeVersion)
                .bind("limit", limit)
                .map(NOTICE)
                .list());
    }
}
