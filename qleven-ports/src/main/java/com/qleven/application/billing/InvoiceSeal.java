package com.qleven.application.billing;

import com.qleven.domain.billing.ChargeLine;
import com.qleven.domain.billing.Invoice;
import com.qleven.domain.billing.InvoiceAmounts;
import com.qleven.domain.billing.InvoiceId;
import com.qleven.domain.billing.InvoiceParty;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.Quantity;
import com.qleven.domain.billing.TaxRate;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.billing.in.InvoiceView;
import com.qleven.ports.billing.out.StoredInvoice;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Seals an invoice's personal texts (line descriptions, the buyer, a credit note's reason) under the
 * center's finance key, which outlives any client's erasure, and opens them again. Each ciphertext is
 * bound to its invoice and field, so one cannot be moved to another invoice or field unnoticed.
 */
final class InvoiceSeal {
    private final FieldCipher cipher;

    InvoiceSeal(FieldCipher cipher) {
        this.cipher = cipher;
    }

    static KeyScope financeKey(TenantId tenant) {
        return KeyScope.finance(tenant);
    }

    StoredInvoice seal(TenantId tenant, Invoice invoice, Optional<AppointmentId> appointment, long paid,
                       long credited, boolean restricted, long version) {
        KeyScope key = financeKey(tenant);
        InvoiceAmounts amounts = invoice.amounts();
        List<StoredInvoice.Line> lines = new ArrayList<>(invoice.lines().size());
        for (int i = 0; i < invoice.lines().size(); i++) {
            ChargeLine line = invoice.lines().get(i);
            lines.add(new StoredInvoice.Line(
                    cipher.encrypt(key, aad(tenant, invoice.id(), "line." + i), line.description()),
                    line.quantity().text(), line.unitPrice().amountMinor(), line.taxRate().code(),
                    line.taxRate().name(), line.taxRate().rate(), line.taxRate().exempt(), line.taxRate().legalMention(),
                    line.discount().amountMinor()));
        }
        Optional<StoredInvoice.Issued> issued = invoice.issue().map(i -> new StoredInvoice.Issued(i.number(),
                i.issuedAt(), i.seller().name(), i.seller().address(), pairs(i.seller().identifiers()),
                cipher.encrypt(key, aad(tenant, invoice.id(), "buyer.name"), i.buyer().name()),
                cipher.encrypt(key, aad(tenant, invoice.id(), "buyer.address"), i.buyer().address()),
                cipher.encrypt(key, aad(tenant, invoice.id(), "buyer.identifiers"),
                        String.join("\n", pairs(i.buyer().identifiers()))),
                i.previousHash(), i.hash()));
        Optional<StoredInvoice.Corrects> corrects = invoice.corrects().map(c -> new StoredInvoice.Corrects(
                c.invoice(), c.number(), cipher.encrypt(key, aad(tenant, invoice.id(), "reason"), c.reason())));
        int sign = invoice.sign();
        return new StoredInvoice(invoice.id(), invoice.kind(), invoice.status(), invoice.client(), appointment,
                invoice.basis(), invoice.currency(), invoice.discount().amountMinor(), lines,
                sign * amounts.net().amountMinor(), sign * amounts.tax().amountMinor(),
                sign * amounts.gross().amountMinor(), issued, corrects, paid, credited, restricted,
                invoice.createdAt(), invoice.updatedAt(), version);
    }

    /** Reads the data keys of a page of invoices in one go, before {@link #open} decrypts them. */
    void preload(Collection<StoredInvoice> invoices) {
        List<byte[]> sealed = new ArrayList<>();
        for (StoredInvoice s : invoices) {
            s.lines().forEach(l -> sealed.add(l.description()));
            s.issue().ifPresent(i -> sealed.add(i.buyerName()));
            s.corrects().ifPresent(c -> sealed.add(c.reason()));
        }
        cipher.preload(sealed);
    }

    Invoice open(TenantId tenant, StoredInvoice s) {
        List<ChargeLine> lines = new ArrayList<>(s.lines().size());
        for (int i = 0; i < s.lines().size(); i++) {
            StoredInvoice.Line l = s.lines().get(i);
            lines.add(new ChargeLine(cipher.decrypt(aad(tenant, s.id(), "line." + i), l.description()),
                    new Quantity(new BigDecimal(l.quantity())), new Money(l.unitPrice(), s.currency()),
                    new TaxRate(l.taxCode(), l.taxName(), l.taxRate(), l.exempt(), l.legalMention()),
                    new Money(l.discount(), s.currency())));
        }
        Optional<Invoice.Issue> issue = s.issue().map(i -> new Invoice.Issue(i.number(), i.issuedAt(),
                new InvoiceParty(i.sellerName(), Objects.requireNonNullElse(i.sellerAddress(), ""),
                        identifiers(i.sellerIdentifiers())),
                new InvoiceParty(cipher.decrypt(aad(tenant, s.id(), "buyer.name"), i.buyerName()),
                        cipher.decrypt(aad(tenant, s.id(), "buyer.address"), i.buyerAddress()),
                        identifiers(lines(cipher.decrypt(aad(tenant, s.id(), "buyer.identifiers"),
                                i.buyerIdentifiers())))),
                i.previousHash(), i.hash()));
        Optional<Invoice.Correction> corrects = s.corrects().map(c -> new Invoice.Correction(c.invoice(),
                c.number(), cipher.decrypt(aad(tenant, s.id(), "reason"), c.reason())));
        return new Invoice(s.id(), s.kind(), s.status(), s.client(), s.basis(), s.currency(), lines,
                new Money(s.discount(), s.currency()), corrects, issue, s.createdAt(), s.updatedAt());
    }

    InvoiceView view(TenantId tenant, StoredInvoice s) {
        Invoice invoice = open(tenant, s);
        return new InvoiceView(invoice, invoice.amounts(), s.appointment(), s.paid(), s.credited(), s.restricted(),
                s.version());
    }

    /** Identifiers as stored: label and value on alternate entries. */
    private static List<String> pairs(List<InvoiceParty.Identifier> identifiers) {
        List<String> flat = new ArrayList<>();
        for (InvoiceParty.Identifier id : identifiers) {
            flat.add(id.label());
            flat.add(id.value());
        }
        return flat;
    }

    private static List<InvoiceParty.Identifier> identifiers(List<String> flat) {
        List<InvoiceParty.Identifier> ids = new ArrayList<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            ids.add(new InvoiceParty.Identifier(flat.get(i), flat.get(i + 1)));
        }
        return ids;
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }

    /** Binds a ciphertext to its center, its invoice and its field. */
    private static String aad(TenantId tenant, InvoiceId invoice, String field) {
        return "invoice|" + field + "|" + tenant + "|" + invoice;
    }
}
