package com.qleven.adapters.postgres.billing;

import com.qleven.adapters.postgres.shared.KeysetCursor;
import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.billing.InvoiceId;
import com.qleven.domain.billing.InvoiceKind;
import com.qleven.domain.billing.InvoiceNumber;
import com.qleven.domain.billing.InvoiceStatus;
import com.qleven.domain.billing.PriceBasis;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.billing.out.Invoices;
import com.qleven.ports.billing.out.StoredInvoice;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Invoices in {@code invoices} and {@code invoice_lines} (V26), under row-level security. A read is
 * one statement, the lines aggregated into arrays beside their invoice; a draft and its lines are
 * written in one statement (a data-modifying {@code WITH}); issuing updates the invoice and its
 * series' last hash in one statement. The V26 trigger refuses any change to an issued invoice but to
 * what settles it, whatever this class is asked.
 */
final class PostgresInvoices implements Invoices {
    private static final Base64.Encoder B64 = Base64.getEncoder();
    // PostgreSQL's base64 breaks lines every 76 characters, as MIME does.
    private static final Base64.Decoder UNB64 = Base64.getMimeDecoder();
    private static final String SELECT = """
            SELECT i.*, l.descriptions, l.quantities, l.unit_prices, l.tax_codes, l.tax_names, l.tax_rates,
                   l.exempts, l.mentions, l.discounts
            FROM public.invoices i
            CROSS JOIN LATERAL (
                SELECT array_agg(encode(x.description, 'base64') ORDER BY x.position) AS descriptions,
                       array_agg(x.quantity::text ORDER BY x.position) AS quantities,
                       array_agg(x.unit_price ORDER BY x.position) AS unit_prices,
                       array_agg(x.tax_code ORDER BY x.position) AS tax_codes,
                       array_agg(x.tax_name ORDER BY x.position) AS tax_names,
                       array_agg(x.tax_rate ORDER BY x.position) AS tax_rates,
                       array_agg(x.exempt ORDER BY x.position) AS exempts,
                       array_agg(x.legal_mention ORDER BY x.position) AS mentions,
                       array_agg(x.discount_minor ORDER BY x.position) AS discounts
                FROM public.invoice_lines x WHERE x.tenant_id = i.tenant_id AND x.invoice_id = i.id) l
            """;
    private static final RowMapper<StoredInvoice> INVOICE = (rs, ctx) -> invoice(rs);

    private final PostgresTransactions tx;

    PostgresInvoices(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(TenantId tenant, StoredInvoice invoice) {
        tx.withHandle(Optional.of(tenant), "add an invoice", h -> {
            var insert = h.createUpdate("""
                    WITH invoice AS (
                        INSERT INTO public.invoices (tenant_id, id, kind, status, client_id, appointment_id,
                            price_basis, currency, discount_minor, net_minor, tax_minor, gross_minor, paid_minor,
                            credited_minor, corrects_id, corrects_number, corrects_reason, created_at, updated_at,
                            version)
                        VALUES (:tenant, :id, :kind, 'draft', :client, :appointment, :basis, :currency, :discount,
                            :net, :tax, :gross, :paid, :credited, :correctsId, :correctsNumber, :correctsReason,
                            :createdAt, :updatedAt, 1)
                        RETURNING tenant_id, id)
                    """ + INSERT_LINES);
            bindDraft(insert, tenant, invoice)
                    .bind("kind", invoice.kind().wireName())
                    .bind("client", invoice.client().value())
                    .bind("appointment", invoice.appointment().map(AppointmentId::value).orElse(null))
                    .bind("basis", invoice.basis().wireName())
                    .bind("currency", invoice.currency().getCurrencyCode())
                    .bind("correctsId", invoice.corrects().map(c -> c.invoice().value()).orElse(null))
                    .bind("correctsNumber", invoice.corrects().map(c -> c.number().text()).orElse(null))
                    .bind("correctsReason", invoice.corrects().map(StoredInvoice.Corrects::reason).orElse(null))
                    .bind("createdAt", invoice.createdAt())
                    .bind("paid", invoice.paid())
                    .bind("credited", invoice.credited())
                    .execute();
            return null;
        });
    }

    /** Inserts the lines bound as arrays, for the invoice the statement's {@code invoice} names. */
    private static final String INSERT_LINES = """
            INSERT INTO public.invoice_lines (tenant_id, invoice_id, position, description, quantity, unit_price,
                tax_code, tax_name, tax_rate, exempt, legal_mention, discount_minor)
            SELECT invoice.tenant_id, invoice.id, l.ord - 1, decode(l.description, 'base64'), l.quantity::numeric,
                   l.unit_price, l.tax_code, l.tax_name, l.tax_rate::numeric, l.exempt, l.mention, l.discount
            FROM invoice, unnest(:descriptions, :quantities, :unitPrices, :taxCodes, :taxNames, :taxRates, :exempts,
                                 :mentions, :discounts)
                 WITH ORDINALITY AS l(description, quantity, unit_price, tax_code, tax_name, tax_rate, exempt,
                                      mention, discount, ord)""";

    private static <S extends SqlStatement<S>> S bindDraft(S statement, TenantId tenant, StoredInvoice invoice) {
        List<StoredInvoice.Line> lines = invoice.lines();
        return statement.bind("tenant", tenant.value())
                .bind("id", invoice.id().value())
                .bind("discount", invoice.discount())
                .bind("net", invoice.net())
                .bind("tax", invoice.tax())
                .bind("gross", invoice.gross())
                .bind("updatedAt", invoice.updatedAt())
                .bindArray("descriptions", String.class, lines.stream().map(l -> B64.encodeToString(l.description()))
                        .toList())
                .bindArray("quantities", String.class, lines.stream().map(StoredInvoice.Line::quantity).toList())
                .bindArray("unitPrices", Long.class, lines.stream().map(StoredInvoice.Line::unitPrice).toList())
                .bindArray("taxCodes", String.class, lines.stream().map(StoredInvoice.Line::taxCode).toList())
                .bindArray("taxNames", String.class, lines.stream().map(StoredInvoice.Line::taxName).toList())
                .bindArray("taxRates", String.class, lines.stream().map(l -> l.taxRate().toPlainString()).toList())
                .bindArray("exempts", Boolean.class, lines.stream().map(StoredInvoice.Line::exempt).toList())
                .bindArray("mentions", String.class, lines.stream().map(StoredInvoice.Line::legalMention).toList())
                .bindArray("discounts", Long.class, lines.stream().map(StoredInvoice.Line::discount).toList());
    }

    @Override
    public Optional<StoredInvoice> byId(TenantId tenant, InvoiceId id) {
        return tx.withHandle(Optional.of(tenant), "read an invoice", h -> h.createQuery(
                        SELECT + " WHERE i.tenant_id = :tenant AND i.id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map(INVOICE)
                .findOne());
    }

    @Override
    public boolean updateDraft(TenantId tenant, StoredInvoice invoice, long expectedVersion) {
        return tx.withHandle(Optional.of(tenant), "change a draft invoice", h -> bindDraft(h.createQuery("""
                        WITH invoice AS (
                            UPDATE public.invoices SET discount_minor = :discount, net_minor = :net, tax_minor = :tax,
                                gross_minor = :gross, updated_at = :updatedAt, version = version + 1
                            WHERE tenant_id = :tenant AND id = :id AND status = 'draft' AND version = :expected
                            RETURNING tenant_id, id),
                        gone AS (
                            DELETE FROM public.invoice_lines x USING invoice
                            WHERE x.tenant_id = invoice.tenant_id AND x.invoice_id = invoice.id
                              AND x.position >= :lineCount),
                        added AS (""" + INSERT_LINES + """
                             ON CONFLICT (tenant_id, invoice_id, position) DO UPDATE SET
                                description = excluded.description, quantity = excluded.quantity,
                                unit_price = excluded.unit_price, tax_code = excluded.tax_code,
                                tax_name = excluded.tax_name, tax_rate = excluded.tax_rate, exempt = excluded.exempt,
                                legal_mention = excluded.legal_mention, discount_minor = excluded.discount_minor)
                        SELECT count(*) FROM invoice""")
                        .bind("expected", expectedVersion)
                        .bind("lineCount", invoice.lines().size()), tenant, invoice)
                .mapTo(Long.class)
                .one()) == 1;
    }

    @Override
    public boolean discardDraft(TenantId tenant, InvoiceId id, long expectedVersion) {
        // Its lines go by the foreign key's cascade; the trigger refuses an issued row in any case.
        return tx.withHandle(Optional.of(tenant), "discard a draft invoice", h -> h.createUpdate("""
                        DELETE FROM public.invoices
                        WHERE tenant_id = :tenant AND id = :id AND status = 'draft' AND version = :expected""")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .bind("expected", expectedVersion)
                .execute()) == 1;
    }

    @Override
    public boolean issue(TenantId tenant, StoredInvoice invoice, long expectedVersion) {
        StoredInvoice.Issued issued = invoice.issue().orElseThrow(() -> new IllegalArgumentException("not issued"));
        return tx.withHandle(Optional.of(tenant), "issue an invoice", h -> h.createQuery("""
                        WITH invoice AS (
                            UPDATE public.invoices SET status = 'issued', series_year = :year, sequence = :sequence,
                                issued_at = :issuedAt, seller_name = :sellerName, seller_address = :sellerAddress,
                                seller_identifiers = :sellerIds, buyer_name = :buyerName,
                                buyer_address = :buyerAddress, buyer_identifiers = :buyerIds,
                                previous_hash = :previousHash, hash = :hash, updated_at = :issuedAt,
                                version = version + 1
                            WHERE tenant_id = :tenant AND id = :id AND status = 'draft' AND version = :expected
                            RETURNING tenant_id, kind, series_year, hash),
                        chained AS (
                            UPDATE public.invoice_series s SET last_hash = invoice.hash FROM invoice
                            WHERE s.tenant_id = invoice.tenant_id AND s.kind = invoice.kind
                              AND s.year = invoice.series_year
                            RETURNING 1)
                        SELECT count(*) FROM invoice""")
                .bind("tenant", tenant.value())
                .bind("id", invoice.id().value())
                .bind("expected", expectedVersion)
                .bind("year", issued.number().year())
                .bind("sequence", issued.number().sequence())
                .bind("issuedAt", issued.issuedAt())
                .bind("sellerName", issued.sellerName())
                .bind("sellerAddress", issued.sellerAddress())
                .bindArray("sellerIds", String.class, issued.sellerIdentifiers())
                .bind("buyerName", issued.buyerName())
                .bind("buyerAddress", issued.buyerAddress())
                .bind("buyerIds", issued.buyerIdentifiers())
                .bind("previousHash", issued.previousHash())
                .bind("hash", issued.hash())
                .mapTo(Long.class)
                .one()) == 1;
    }

    @Override
    public boolean settle(TenantId tenant, InvoiceId id, long paid, long credited, long expectedVersion) {
        return tx.withHandle(Optional.of(tenant), "settle an invoice", h -> h.createUpdate("""
                        UPDATE public.invoices SET paid_minor = paid_minor + :paid,
                            credited_minor = credited_minor + :credited, version = version + 1
                        WHERE tenant_id = :tenant AND id = :id AND version = :expected""")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .bind("paid", paid)
                .bind("credited", credited)
                .bind("expected", expectedVersion)
                .execute()) == 1;
    }

    @Override
    public Optional<InvoiceId> billing(TenantId tenant, AppointmentId appointment) {
        return tx.withHandle(Optional.of(tenant), "find an appointment's invoice", h -> h.createQuery("""
                        SELECT id FROM public.invoices
                        WHERE tenant_id = :tenant AND appointment_id = :appointment AND kind <> 'credit_note'
                          AND (status = 'draft' OR credited_minor < gross_minor)
                        ORDER BY created_at, id LIMIT 1""")
                .bind("tenant", tenant.value())
                .bind("appointment", appointment.value())
                .map((rs, ctx) -> new InvoiceId(Sql.uuid(rs, "id")))
                .findOne());
    }

    @Override
    public Page<StoredInvoice> list(TenantId tenant, InvoiceFilter filter, PageRequest page) {
        Optional<KeysetCursor> after = page.cursor().map(KeysetCursor::decode);
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE i.tenant_id = :tenant");
        filter.client().ifPresent(c -> sql.append(" AND i.client_id = :client"));
        filter.status().ifPresent(s -> sql.append(" AND i.status = :status"));
        after.ifPresent(c -> sql.append(" AND (i.created_at, i.id) < (:afterAt, :afterId)"));
        sql.append(" ORDER BY i.created_at DESC, i.id DESC LIMIT :limit");
        List<StoredInvoice> rows = tx.withHandle(Optional.of(tenant), "list invoices", h -> {
            var q = h.createQuery(sql.toString())
                    .bind("tenant", tenant.value())
                    .bind("limit", page.limit() + 1);
            filter.client().ifPresent(c -> q.bind("client", c.value()));
            filter.status().ifPresent(s -> q.bind("status", s.wireName()));
            after.ifPresent(c -> q.bind("afterAt", c.at()).bind("afterId", c.id()));
            return q.map(INVOICE).list();
        });
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<StoredInvoice> items = rows.subList(0, page.limit());
        StoredInvoice last = items.get(items.size() - 1);
        return new Page<>(items, Optional.of(new KeysetCursor(last.createdAt(), last.id().value()).encode()));
    }

    @Override
    public List<StoredInvoice> series(TenantId tenant, InvoiceNumber.Series series) {
        return tx.withHandle(Optional.of(tenant), "read an invoice series", h -> h.createQuery(SELECT + """
                         WHERE i.tenant_id = :tenant AND i.kind = :kind AND i.series_year = :year
                           AND i.status = 'issued' ORDER BY i.sequence""")
                .bind("tenant", tenant.value())
                .bind("kind", series.kind().wireName())
                .bind("year", series.year())
                .map(INVOICE)
                .list());
    }

    @Override
    public void restrictOf(TenantId tenant, ClientId client) {
        tx.withHandle(Optional.of(tenant), "restrict an erased client's invoices", h -> h.createUpdate("""
                        WITH drafts AS (
                            DELETE FROM public.invoices
                            WHERE tenant_id = :tenant AND client_id = :client AND status = 'draft')
                        UPDATE public.invoices SET restricted = true
                        WHERE tenant_id = :tenant AND client_id = :client AND status = 'issued'""")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .execute());
    }

    private static StoredInvoice invoice(ResultSet rs) throws SQLException {
        InvoiceKind kind = InvoiceKind.fromWire(rs.getString("kind"), "kind");
        InvoiceStatus status = InvoiceStatus.fromWire(rs.getString("status"));
        Optional<StoredInvoice.Issued> issued = Optional.empty();
        if (status == InvoiceStatus.ISSUED) {
            issued = Optional.of(new StoredInvoice.Issued(
                    new InvoiceNumber(kind, rs.getInt("series_year"), rs.getLong("sequence")),
                    Sql.instant(rs, "issued_at"), rs.getString("seller_name"), rs.getString("seller_address"),
                    strings(rs.getArray("seller_identifiers")), rs.getBytes("buyer_name"),
                    rs.getBytes("buyer_address"), rs.getBytes("buyer_identifiers"), rs.getString("previous_hash"),
                    rs.getString("hash")));
        }
        Optional<StoredInvoice.Corrects> corrects = Optional.empty();
        if (rs.getString("corrects_id") != null) {
            corrects = Optional.of(new StoredInvoice.Corrects(new InvoiceId(Sql.uuid(rs, "corrects_id")),
                    InvoiceNumber.parse(rs.getString("corrects_number"), "corrects"), rs.getBytes("corrects_reason")));
        }
        UUID appointment = (UUID) rs.getObject("appointment_id");
        return new StoredInvoice(new InvoiceId(Sql.uuid(rs, "id")), kind, status,
                new ClientId(Sql.uuid(rs, "client_id")), Optional.ofNullable(appointment).map(AppointmentId::new),
                PriceBasis.fromWire(rs.getString("price_basis"), "priceBasis"),
                Currency.getInstance(rs.getString("currency")), rs.getLong("discount_minor"), lines(rs),
                rs.getLong("net_minor"), rs.getLong("tax_minor"), rs.getLong("gross_minor"), issued, corrects,
                rs.getLong("paid_minor"), rs.getLong("credited_minor"), rs.getBoolean("restricted"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getLong("version"));
    }

    private static List<StoredInvoice.Line> lines(ResultSet rs) throws SQLException {
        Object[] descriptions = objects(rs.getArray("descriptions"));
        Object[] quantities = objects(rs.getArray("quantities"));
        Object[] unitPrices = objects(rs.getArray("unit_prices"));
        Object[] taxCodes = objects(rs.getArray("tax_codes"));
        Object[] taxNames = objects(rs.getArray("tax_names"));
        Object[] taxRates = objects(rs.getArray("tax_rates"));
        Object[] exempts = objects(rs.getArray("exempts"));
        Object[] mentions = objects(rs.getArray("mentions"));
        Object[] discounts = objects(rs.getArray("discounts"));
        List<StoredInvoice.Line> lines = new ArrayList<>(descriptions.length);
        for (int i = 0; i < descriptions.length; i++) {
            lines.add(new StoredInvoice.Line(UNB64.decode((String) descriptions[i]),
                    new BigDecimal((String) quantities[i]).stripTrailingZeros().toPlainString(),
                    ((Number) unitPrices[i]).longValue(), (String) taxCodes[i], (String) taxNames[i],
                    (BigDecimal) taxRates[i], (Boolean) exempts[i], (String) mentions[i],
                    ((Number) discounts[i]).longValue()));
        }
        return lines;
    }

    private static Object[] objects(Array array) throws SQLException {
        return array == null ? new Object[0] : (Object[]) array.getArray();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
    }
}
