package com.qleven.adapters.postgres.billing;

import com.qleven.adapters.postgres.shared.KeysetCursor;
import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.billing.AllowanceUnit;
import com.qleven.domain.billing.ClientPackage;
import com.qleven.domain.billing.ClientPackageId;
import com.qleven.domain.billing.Entitlement;
import com.qleven.domain.billing.InvoiceId;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.PackageId;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.billing.out.PackageRedemption;
import com.qleven.ports.billing.out.Packages;
import com.qleven.ports.billing.out.PrepaidPackage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Packages in {@code packages}, {@code client_packages} and {@code package_redemptions} (V29), under
 * row-level security. The reads that precede a debit take the rows {@code FOR UPDATE}: a second unit
 * debiting the same package waits, then reads the balance the first left (a package emptied meanwhile
 * drops out of {@link #redeemable}, whose conditions PostgreSQL checks again on the locked row), and
 * the table's CHECK refuses a balance below zero whatever a caller computed.
 */
final class PostgresPackages implements Packages {
    private static final RowMapper<PrepaidPackage> OFFER = (rs, ctx) -> offer(rs);
    private static final RowMapper<ClientPackage> HELD = (rs, ctx) -> held(rs);
    private static final String HELD_COLUMNS = """
            c.id, c.package_id, c.client_id, c.name, c.kind, c.allowance_unit, c.total, c.remaining, c.price_minor,
            c.currency, c.expires_on, c.invoice_id, c.refund_id, c.refund_minor, c.refunded_at, c.sold_at""";

    private final PostgresTransactions tx;

    PostgresPackages(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(TenantId tenant, PrepaidPackage offer) {
        tx.withHandle(Optional.of(tenant), "add a package", h -> h.createUpdate("""
                        INSERT INTO public.packages (tenant_id, id, name, service_ids, kind, allowance_unit, total,
                            price_minor, currency, validity_days, tax_code, created_at)
                        VALUES (:tenant, :id, :name, :services, :kind, :unit, :total, :price, :currency, :validity,
                            :taxCode, :createdAt)""")
                .bind("tenant", tenant.value())
                .bind("id", offer.id().value())
                .bind("name", offer.name())
                .bindArray("services", UUID.class, offer.services().stream().map(ServiceId::value).toList())
                .bind("kind", offer.entitlement().kind())
                .bind("unit", unit(offer.entitlement()))
                .bind("total", offer.entitlement().units())
                .bind("price", offer.price().amountMinor())
                .bind("currency", offer.price().currency().getCurrencyCode())
                .bind("validity", offer.validityDays())
                .bind("taxCode", offer.taxRate().orElse(null))
                .bind("createdAt", offer.createdAt())
                .execute());
    }

    @Override
    public Optional<PrepaidPackage> byId(TenantId tenant, PackageId id) {
        return tx.withHandle(Optional.of(tenant), "read a package", h -> h.createQuery("""
                        SELECT * FROM public.packages WHERE tenant_id = :tenant AND id = :id""")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map(OFFER)
                .findOne());
    }

    @Override
    public Page<PrepaidPackage> list(TenantId tenant, boolean includeRetired, PageRequest page) {
        Optional<KeysetCursor> after = page.cursor().map(KeysetCursor::decode);
        StringBuilder sql = new StringBuilder("SELECT * FROM public.packages WHERE tenant_id = :tenant");
        if (!includeRetired) {
            sql.append(" AND retired_at IS NULL");
        }
        after.ifPresent(c -> sql.append(" AND (created_at, id) > (:afterAt, :afterId)"));
        sql.append(" ORDER BY created_at, id LIMIT :limit");
        List<PrepaidPackage> rows = tx.withHandle(Optional.of(tenant), "list packages", h -> {
            var q = h.createQuery(sql.toString()).bind("tenant", tenant.value()).bind("limit", page.limit() + 1);
            after.ifPresent(c -> q.bind("afterAt", c.at()).bind("afterId", c.id()));
            return q.map(OFFER).list();
        });
        return page(rows, page, PrepaidPackage::createdAt, p -> p.id().value());
    }

    @Override
    public boolean retire(TenantId tenant, PackageId id, Instant at) {
        return tx.withHandle(Optional.of(tenant), "retire a package", h -> h.createUpdate("""
                        UPDATE public.packages SET retired_at = :at
                        WHERE tenant_id = :tenant AND id = :id AND retired_at IS NULL""")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .bind("at", at)
                .execute()) == 1;
    }

    @Override
    public void sell(TenantId tenant, ClientPackage held) {
        tx.withHandle(Optional.of(tenant), "sell a package", h -> h.createUpdate("""
                        INSERT INTO public.client_packages (tenant_id, id, package_id, client_id, name, kind,
                            allowance_unit, total, remaining, price_minor, currency, expires_on, invoice_id, status,
                            sold_at)
                        VALUES (:tenant, :id, :package, :client, :name, :kind, :unit, :total, :remaining, :price,
                            :currency, :expiresOn, :invoice, 'active', :soldAt)""")
                .bind("tenant", tenant.value())
                .bind("id", held.id().value())
                .bind("package", held.packageId().value())
                .bind("client", held.client().value())
                .bind("name", held.name())
                .bind("kind", held.total().kind())
                .bind("unit", unit(held.total()))
                .bind("total", held.total().units())
                .bind("remaining", held.remaining().units())
                .bind("price", held.price().amountMinor())
                .bind("currency", held.price().currency().getCurrencyCode())
                .bind("expiresOn", held.expiresOn())
                .bind("invoice", held.saleInvoice().value())
                .bind("soldAt", held.soldAt())
                .execute());
    }

    @Override
    public Optional<ClientPackage> lock(TenantId tenant, ClientPackageId id) {
        return one(tenant, id, " FOR UPDATE", "lock a client package");
    }

    @Override
    public Optional<ClientPackage> clientPackage(TenantId tenant, ClientPackageId id) {
        return one(tenant, id, "", "read a client package");
    }

    private Optional<ClientPackage> one(TenantId tenant, ClientPackageId id, String lock, String action) {
        return tx.withHandle(Optional.of(tenant), action, h -> h.createQuery("SELECT " + HELD_COLUMNS
                        + " FROM public.client_packages c WHERE c.tenant_id = :tenant AND c.id = :id" + lock)
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map(HELD)
                .findOne());
    }

    @Override
    public Page<ClientPackage> ofClient(TenantId tenant, ClientId client, PageRequest page) {
        Optional<KeysetCursor> after = page.cursor().map(KeysetCursor::decode);
        StringBuilder sql = new StringBuilder("SELECT " + HELD_COLUMNS + " " + """
                 FROM public.client_packages c WHERE c.tenant_id = :tenant AND c.client_id = :client""");
        after.ifPresent(c -> sql.append(" AND (c.sold_at, c.id) > (:afterAt, :afterId)"));
        sql.append(" ORDER BY c.sold_at, c.id LIMIT :limit");
        List<ClientPackage> rows = tx.withHandle(Optional.of(tenant), "list a client's packages", h -> {
            var q = h.createQuery(sql.toString()).bind("tenant", tenant.value()).bind("client", client.value())
                    .bind("limit", page.limit() + 1);
            after.ifPresent(c -> q.bind("afterAt", c.at()).bind("afterId", c.id()));
            return q.map(HELD).list();
        });
        return page(rows, page, ClientPackage::soldAt, p -> p.id().value());
    }

    @Override
    public List<ClientPackage> redeemable(TenantId tenant, ClientId client, ServiceId service, LocalDate day) {
        return tx.withHandle(Optional.of(tenant), "find a client's redeemable packages", h -> h.createQuery(
                        "SELECT " + HELD_COLUMNS + " " + """
                         FROM public.client_packages c
                         WHERE c.tenant_id = :tenant AND c.client_id = :client AND c.status = 'active'
                           AND c.remaining > 0 AND c.expires_on >= :day AND c.kind IN ('sessions', 'credit')
                           AND EXISTS (SELECT 1 FROM public.packages p WHERE p.tenant_id = c.tenant_id
                                       AND p.id = c.package_id AND :service = ANY (p.service_ids))
                         ORDER BY c.expires_on, c.sold_at, c.id
                         FOR UPDATE OF c""")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .bind("service", service.value())
                .bind("day", day)
                .map(HELD)
                .list());
    }

    @Override
    public boolean update(TenantId tenant, ClientPackage next) {
        return tx.withHandle(Optional.of(tenant), "debit a client package", h -> h.createUpdate("""
                        UPDATE public.client_packages SET remaining = :remaining, status = :status,
                            refund_id = :refund, refund_minor = :refundMinor, refunded_at = :refundedAt
                        WHERE tenant_id = :tenant AND id = :id AND status = 'active'""")
                .bind("tenant", tenant.value())
                .bind("id", next.id().value())
                .bind("remaining", next.remaining().units())
                .bind("status", next.refund().isPresent() ? "refunded" : "active")
                .bind("refund", next.refund().map(r -> r.creditNote().value()).orElse(null))
                .bind("refundMinor", next.refund().map(r -> r.amount().amountMinor()).orElse(null))
                .bindByType("refundedAt", next.refund().map(ClientPackage.Refund::at).orElse(null), Instant.class)
                .execute()) == 1;
    }

    @Override
    public void addRedemption(TenantId tenant, PackageRedemption r) {
        tx.withHandle(Optional.of(tenant), "record a redemption", h -> h.createUpdate("""
                        INSERT INTO public.package_redemptions (tenant_id, id, client_package_id, appointment_id,
                            kind, units, redeemed_at, redeemed_by)
                        VALUES (:tenant, :id, :package, :appointment, :kind, :units, :at, :by)""")
                .bind("tenant", tenant.value())
                .bind("id", r.id())
                .bind("package", r.clientPackage().value())
                .bind("appointment", r.appointment().map(AppointmentId::value).orElse(null))
                .bind("kind", r.kind())
                .bind("units", r.units())
                .bind("at", r.at())
                .bind("by", r.by().value())
                .execute());
    }

    @Override
    public List<PackageRedemption> redemptionsOf(TenantId tenant, ClientId client) {
        return tx.withHandle(Optional.of(tenant), "read a client's redemptions", h -> h.createQuery("""
                        SELECT r.* FROM public.package_redemptions r
                        JOIN public.client_packages c ON c.tenant_id = r.tenant_id AND c.id = r.client_package_id
                        WHERE r.tenant_id = :tenant AND c.client_id = :client
                        ORDER BY r.redeemed_at, r.id""")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .map((rs, ctx) -> {
                    UUID appointment = (UUID) rs.getObject("appointment_id");
                    return new PackageRedemption(Sql.uuid(rs, "id"),
                            new ClientPackageId(Sql.uuid(rs, "client_package_id")),
                            Optional.ofNullable(appointment).map(AppointmentId::new), rs.getString("kind"),
                            rs.getLong("units"), Sql.instant(rs, "redeemed_at"),
                            new UserId(Sql.uuid(rs, "redeemed_by")));
                })
                .list());
    }

    @Override
    public List<Outstanding> outstanding(TenantId tenant, LocalDate day) {
        return tx.withHandle(Optional.of(tenant), "report the package liability", h -> h.createQuery("""
                        SELECT c.package_id, p.name, c.kind, c.price_minor, c.currency, c.total, c.remaining,
                               count(*) AS sold
                        FROM public.client_packages c
                        JOIN public.packages p ON p.tenant_id = c.tenant_id AND p.id = c.package_id
                        WHERE c.tenant_id = :tenant AND c.status = 'active' AND c.remaining > 0
                          AND c.expires_on >= :day
                        GROUP BY c.package_id, p.name, c.kind, c.price_minor, c.currency, c.total, c.remaining
                        ORDER BY c.package_id, c.total, c.remaining, c.price_minor""")
                .bind("tenant", tenant.value())
                .bind("day", day)
                .map((rs, ctx) -> new Outstanding(new PackageId(Sql.uuid(rs, "package_id")), rs.getString("name"),
                        rs.getString("kind"), new Money(rs.getLong("price_minor"),
                        Currency.getInstance(rs.getString("currency"))), rs.getLong("total"), rs.getLong("remaining"),
                        rs.getLong("sold")))
                .list());
    }

    private static <T> Page<T> page(List<T> rows, PageRequest page, Function<T, Instant> at, Function<T, UUID> id) {
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> items = rows.subList(0, page.limit());
        T last = items.get(items.size() - 1);
        return new Page<>(items, Optional.of(new KeysetCursor(at.apply(last), id.apply(last)).encode()));
    }

    private static String unit(Entitlement e) {
        return e instanceof Entitlement.Allowance a ? a.unit().wireName() : null;
    }

    private static Entitlement entitlement(String kind, String unit, long units, Currency currency) {
        return switch (kind) {
            case "sessions" -> new Entitlement.Sessions(units);
            case "credit" -> new Entitlement.Credit(new Money(units, currency));
            case "allowance" -> new Entitlement.Allowance(AllowanceUnit.fromWire(unit, "allowance.unit"), units);
            default -> throw new IllegalStateException("no package kind " + kind);
        };
    }

    private static PrepaidPackage offer(ResultSet rs) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        List<ServiceId> services = Arrays.stream((Object[]) rs.getArray("service_ids").getArray())
                .map(o -> new ServiceId((UUID) o)).toList();
        Instant retired = rs.getObject("retired_at") == null ? null : Sql.instant(rs, "retired_at");
        return new PrepaidPackage(new PackageId(Sql.uuid(rs, "id")), rs.getString("name"), services,
                entitlement(rs.getString("kind"), rs.getString("allowance_unit"), rs.getLong("total"), currency),
                new Money(rs.getLong("price_minor"), currency), rs.getInt("validity_days"),
                Optional.ofNullable(rs.getString("tax_code")), Sql.instant(rs, "created_at"),
                Optional.ofNullable(retired));
    }

    private static ClientPackage held(ResultSet rs) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        String kind = rs.getString("kind");
        String unit = rs.getString("allowance_unit");
        Optional<ClientPackage.Refund> refund = Optional.empty();
        if (rs.getObject("refund_id") != null) {
            refund = Optional.of(new ClientPackage.Refund(new InvoiceId(Sql.uuid(rs, "refund_id")),
                    new Money(rs.getLong("refund_minor"), currency), Sql.instant(rs, "refunded_at")));
        }
        return new ClientPackage(new ClientPackageId(Sql.uuid(rs, "id")), new PackageId(Sql.uuid(rs, "package_id")),
                new ClientId(Sql.uuid(rs, "client_id")), rs.getString("name"),
                entitlement(kind, unit, rs.getLong("total"), currency),
                entitlement(kind, unit, rs.getLong("remaining"), currency),
                new Money(rs.getLong("price_minor"), currency), rs.getObject("expires_on", LocalDate.class),
                new InvoiceId(Sql.uuid(rs, "invoice_id")), refund, Sql.instant(rs, "sold_at"));
    }

    @Override
    public java.util.Set<ClientId> holders(TenantId tenant, LocalDate day) {
        return new java.util.HashSet<>(tx.withHandle(Optional.of(tenant), "list package holders", h -> h.createQuery("""
                        SELECT DISTINCT client_id FROM public.client_packages
                        WHERE tenant_id = :tenant AND status = 'active' AND remaining > 0 AND expires_on >= :day""")
                .bind("tenant", tenant.value())
                .bind("day", day)
                .map((rs, ctx) -> new ClientId(Sql.uuid(rs, "client_id")))
                .list()));
    }
}
