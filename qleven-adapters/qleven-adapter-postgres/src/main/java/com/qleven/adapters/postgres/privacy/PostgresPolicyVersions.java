package com.qleven.adapters.postgres.privacy;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.privacy.PolicyNotice;
import com.qleven.domain.privacy.PolicyVersion;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.privacy.out.PolicyVersions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** Policy versions, notices and acceptances in {@code policy_versions}, {@code policy_notices}, {@code policy_acceptances}. */
final class PostgresPolicyVersions implements PolicyVersions {
    private static final String COLUMNS = "version, body, sha256, published_at, effective_at, published_by";
    private static final RowMapper<PolicyVersion> VERSION = (rs, ctx) -> new PolicyVersion(rs.getString("version"),
            rs.getString("body"), rs.getString("sha256"), Sql.instant(rs, "published_at"),
            Sql.instant(rs, "effective_at"), new UserId(Sql.uuid(rs, "published_by")));
    private static final RowMapper<PolicyNotice> NOTICE = (rs, ctx) -> new PolicyNotice(
            new UserId(Sql.uuid(rs, "account_id")), rs.getString("version"), Sql.instant(rs, "effective_at"),
            Sql.instant(rs, "created_at"));

    private final PostgresTransactions tx;

    PostgresPolicyVersions(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean add(PolicyVersion version) {
        return tx.withHandle("publish a policy version", h -> h
                .createUpdate("INSERT INTO public.policy_versions (" + COLUMNS + ") VALUES (:version, :body, :sha256,"
                        + " :publishedAt, :effectiveAt, :publishedBy) ON CONFLICT (version) DO NOTHING")
                .bind("version", version.version())
                .bind("body", version.text())
                .bind("sha256", version.sha256())
                .bind("publishedAt", version.publishedAt())
                .bind("effectiveAt", version.effectiveAt())
                .bind("publishedBy", version.publishedBy().value())
                .execute()) == 1;
    }

    @Override
    public Optional<PolicyVersion> byVersion(String version) {
        return tx.withHandle("find a policy version", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.policy_versions WHERE version = :version")
                .bind("version", version)
                .map(VERSION)
                .findOne());
    }

    @Override
    public Optional<PolicyVersion> inEffectAt(Instant at) {
        return tx.withHandle("find the policy version in effect", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.policy_versions WHERE effective_at <= :at"
                        + " ORDER BY effective_at DESC, published_at DESC LIMIT 1")
                .bind("at", at)
                .map(VERSION)
                .findOne());
    }

    @Override
    public void notify(PolicyNotice notice) {
        tx.withHandle("notify an account of a policy version", h -> h
                .createUpdate("INSERT INTO public.policy_notices (account_id, version, effective_at, created_at)"
                        + " VALUES (:account, :version, :effectiveAt, :createdAt)"
                        + " ON CONFLICT (account_id, version) DO NOTHING")
                .bind("account", notice.account().value())
                .bind("version", notice.version())
                .bind("effectiveAt", notice.effectiveAt())
                .bind("createdAt", notice.createdAt())
                .execute());
    }

    @Override
    public List<PolicyNotice> unread(UserId account) {
        return tx.withHandle("list an account's policy notices", h -> h
                .createQuery("SELECT n.account_id, n.version, n.effective_at, n.created_at"
                        + " FROM public.policy_notices n WHERE n.account_id = :account AND NOT EXISTS ("
                        + "SELECT 1 FROM public.policy_acceptances a"
                        + " WHERE a.account_id = n.account_id AND a.version = n.version)"
                        + " ORDER BY n.effective_at DESC, n.version COLLATE \"C\" DESC")
                .bind("account", account.value())
                .map(NOTICE)
                .list());
    }

    @Override
    public boolean accept(UserId account, String version, Instant at) {
        return tx.withHandle("accept a policy version", h -> h
                .createUpdate("INSERT INTO public.policy_acceptances (account_id, version, accepted_at)"
                        + " VALUES (:account, :version, :at) ON CONFLICT (account_id, version) DO NOTHING")
                .bind("account", account.value())
                .bind("version", version)
                .bind("at", at)
                .execute()) == 1;
    }

    @Override
    public Optional<Instant> acceptedAt(UserId account, String version) {
        return tx.withHandle("find an acceptance of a policy version", h -> h
                .createQuery("SELECT accepted_at FROM public.policy_acceptances"
                        + " WHERE account_id = :account AND version = :version")
                .bind("account", account.value())
                .bind("version", version)
                .mapTo(Instant.class)
                .findOne());
    }
}
