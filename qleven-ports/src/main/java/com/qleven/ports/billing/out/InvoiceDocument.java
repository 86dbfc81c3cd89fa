package com.qleven.ports.billing.out;

import com.qleven.domain.billing.InvoiceKind;
import com.qleven.domain.billing.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An issued invoice or credit note as printed: what the renderer lays out, nothing it must compute.
 * Every amount comes from the invoice's arithmetic; the texts are already in the center's language
 * where the center wrote them (descriptions, legal mentions), and {@code locale} chooses the
 * renderer's own labels.
 */
public record InvoiceDocument(String number, InvoiceKind kind, LocalDate issueDate, Party seller, Party buyer,
                              List<Line> lines, List<RateTotal> byRate, Money net, Money tax, Money total,
                              Money paid, Money balance, boolean pricesIncludeTax, Optional<String> corrects,
                              Optional<String> reason, String hash, Locale locale) {
    public InvoiceDocument {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(buyer, "buyer");
        lines = List.copyOf(lines);
        byRate = List.copyOf(byRate);
        Objects.requireNonNull(corrects, "corrects");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(locale, "locale");
    }

    /**
     * The seller (the center) or the buyer (the client's billing identity): a name, a postal address
     * (empty when none was given), and legal identifiers in print order, for example
     * {@code ("NIF", "B12345678")}, or in Morocco {@code ("ICE", …)}, {@code ("IF", …)}.
     */
    public record Party(String name, String address, List<Identifier> identifiers) {
        public Party {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(address, "address");
            identifiers = List.copyOf(identifiers);
        }
    }

    /** One legal identifier as printed: its label and its value. */
    public record Identifier(String label, String value) {
    }

    /**
     * One line: the quantity as its decimal text ({@code "1"}, {@code "0.5"}), the unit price in the
     * center's price basis, the line's whole discount (its own and its share of the invoice's), the
     * rate's label ({@code "21 %"}, or the exempt rate's name), and the line's amounts.
     */
    public record Line(String description, String quantity, Money unitPrice, Money discount, String rate, Money net,
                       Money tax, Money total) {
    }

    /** The lines of one rate together; an exempt rate carries the legal mention the invoice must print. */
    public record RateTotal(String rate, Money net, Money tax, Money total, Optional<String> legalMention) {
    }
}
