package com.qleven.application.billing;

import com.qleven.domain.billing.ClientPackage;
import com.qleven.domain.billing.Invoice;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.billing.in.InvoiceView;
import com.qleven.ports.billing.out.Invoices;
import com.qleven.ports.billing.out.PackageRedemption;
import com.qleven.ports.billing.out.Packages;
import com.qleven.ports.billing.out.StoredInvoice;
import com.qleven.ports.privacy.out.RegistryEraser;
import com.qleven.ports.privacy.out.RegistryExporter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Billing in the privacy registry (P10). Export: the client's invoices and credit notes with their
 * numbers, dates, lines and amounts, the client's prepaid packages and each debit of them. Erasure: drafts go; issued invoices stay, since the tax office
 * must be able to read them for ten years, with their numbers, totals and billing identity under the
 * center's finance key (which the erasure does not shred), marked restricted. Payments, refunds and
 * deposits hold no personal data beyond ids (invoice, appointment, the recording member; the
 * reference is a terminal's code or a transfer's, never card data): they stay with the books and
 * need nothing here.
 */
public final class BillingRegistry implements RegistryExporter, RegistryEraser {
    private final Invoices invoices;
    private final Packages packages;
    private final InvoiceSeal seal;

    BillingRegistry(Invoices invoices, Packages packages, InvoiceSeal seal) {
        this.invoices = invoices;
        this.packages = packages;
        this.seal = seal;
    }

    @Override
    public Map<String, Object> export(TenantId tenant, ClientId client) {
        List<Map<String, Object>> items = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            var page = invoices.list(tenant, new Invoices.InvoiceFilter(Optional.of(client), Optional.empty()),
                    new PageRequest(PageRequest.MAX_LIMIT, cursor));
            seal.preload(page.items());
            for (StoredInvoice stored : page.items()) {
                items.add(entry(seal.view(tenant, stored)));
            }
            cursor = page.next();
        } while (cursor.isPresent());
        return Map.of("invoices", items, "packages", packages(tenant, client),
                "packageRedemptions", packages.redemptionsOf(tenant, client).stream()
                        .map(BillingRegistry::redemption).toList());
    }

    /**
     * Drafts go and issued invoices stay restricted; the client's packages and their redemptions stay
     * as they are: they hold no personal text (the package's name is the catalogue's, the rest amounts,
     * dates and ids), and each was paid through an issued invoice, a financial record kept ten years.
     */
    @Override
    public void erase(TenantId tenant, ClientId client) {
        invoices.restrictOf(tenant, client);
    }

    private List<Map<String, Object>> packages(TenantId tenant, ClientId client) {
        List<Map<String, Object>> items = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            var page = packages.ofClient(tenant, client, new PageRequest(PageRequest.MAX_LIMIT, cursor));
            for (ClientPackage p : page.items()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", p.id().toString());
                entry.put("packageId", p.packageId().toString());
                entry.put("name", p.name());
                entry.put("kind", p.total().kind());
                entry.put("total", p.total().units());
                entry.put("remaining", p.remaining().units());
                entry.put("price", p.price().amountMinor());
                entry.put("currency", p.price().currency().getCurrencyCode());
                entry.put("expiresAt", p.expiresOn().toString());
                entry.put("soldAt", p.soldAt().toString());
                entry.put("invoiceId", p.saleInvoice().toString());
                entry.put("refundedAt", p.refund().map(r -> r.at().toString()).orElse(null));
                entry.put("refund", p.refund().map(r -> r.amount().amountMinor()).orElse(null));
                items.add(entry);
            }
            cursor = page.next();
        } while (cursor.isPresent());
        return items;
    }

    private static Map<String, Object> redemption(PackageRedemption r) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("clientPackageId", r.clientPackage().toString());
        entry.put("kind", r.kind());
        entry.put("units", r.units());
        entry.put("at", r.at().toString());
        entry.put("appointmentId", r.appointment().map(Object::toString).orElse(null));
        return entry;
    }

    private static Map<String, Object> entry(InvoiceView view) {
        Invoice invoice = view.invoice();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", invoice.id().toString());
        entry.put("kind", invoice.kind().wireName());
        entry.put("status", invoice.status().wireName());
        entry.put("number", invoice.number().map(n -> n.text()).orElse(null));
        entry.put("issuedAt", invoice.issue().map(i -> i.issuedAt().toString()).orElse(null));
        entry.put("currency", invoice.currency().getCurrencyCode());
        entry.put("total", view.total().amountMinor());
        entry.put("taxTotal", view.taxTotal().amountMinor());
        entry.put("paid", view.paid());
        entry.put("balance", view.balance().amountMinor());
        entry.put("billedTo", invoice.issue().map(i -> Map.<String, Object>of("name", i.buyer().name(),
                "address", i.buyer().address())).orElse(null));
        List<Map<String, Object>> lines = new ArrayList<>();
        view.amounts().lines().forEach(l -> lines.add(Map.of("description", l.charge().description(),
                "quantity", l.charge().quantity().text(), "unitPrice", l.charge().unitPrice().amountMinor(),
                "taxRate", l.charge().taxRate().code(), "total", l.gross().amountMinor())));
        entry.put("lines", lines);
        return entry;
    }
}
