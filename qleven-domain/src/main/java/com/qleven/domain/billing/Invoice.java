package com.qleven.domain.billing;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An invoice, a simplified invoice or a credit note of one client, in the center's currency and price
 * basis. A draft's lines change freely; {@link #issue} gives it its number and its parties, chains it
 * to the previous invoice of its series and freezes it: every later change is refused with a 409, and
 * a correction is a credit note ({@link #creditNote}), which is issued at once. Amounts come from
 * {@link InvoiceArithmetic} only; a credit note's are what it takes back, shown negative
 * ({@link #sign}).
 */
public record Invoice(InvoiceId id, InvoiceKind kind, InvoiceStatus status, ClientId client, PriceBasis basis,
                      Currency currency, List<ChargeLine> lines, Money discount, Optional<Correction> corrects,
                      Optional<Issue> issue, Instant createdAt, Instant updatedAt) {
    /** The longest reason a credit note keeps. */
    public static final int MAX_REASON = 500;
    /** The most lines an invoice holds. */
    public static final int MAX_LINES = 200;

    public Invoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(corrects, "corrects");
        Objects.requireNonNull(issue, "issue");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if ((status == InvoiceStatus.ISSUED) != issue.isPresent()) {
            throw new IllegalArgumentException("an invoice is issued exactly when it has a number");
        }
        if ((kind == InvoiceKind.CREDIT_NOTE) != corrects.isPresent()) {
            throw new IllegalArgumentException("a credit note, and only a credit note, corrects an invoice");
        }
    }

    /** What a credit note corrects: the invoice, its number, and why. */
    public record Correction(InvoiceId invoice, InvoiceNumber number, String reason) {
        public Correction {
            Objects.requireNonNull(invoice, "invoice");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** What issuing fixed: the number, the instant, both parties and the chain's hashes. */
    public record Issue(InvoiceNumber number, Instant issuedAt, InvoiceParty seller, InvoiceParty buyer,
                        String previousHash, String hash) {
        public Issue {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(seller, "seller");
            Objects.requireNonNull(buyer, "buyer");
            Objects.requireNonNull(previousHash, "previousHash");
            Objects.requireNonNull(hash, "hash");
        }
    }

    /**
     * A new draft (a full or simplified invoice) in the center's currency; a bad line is a 400 naming
     * it ({@code lines[1].unitPrice.currency}, …), every one at once.
     */
    public static Invoice draft(InvoiceId id, InvoiceKind kind, ClientId client, PriceBasis basis, Currency currency,
                                List<ChargeLine> lines, Money discount, Instant at) {
        if (kind == InvoiceKind.CREDIT_NOTE) {
            throw new ValidationException("kind", "a credit note is made from an issued invoice");
        }
        Money off = discount == null ? Money.zero(currency) : discount;
        requireLines(lines, off, basis, currency);
        return new Invoice(id, kind, InvoiceStatus.DRAFT, client, basis, currency, lines, off, Optional.empty(),
                Optional.empty(), at, at);
    }

    /** The draft with new lines and discount; an issued invoice is a 409. */
    public Invoice withLines(List<ChargeLine> newLines, Money newDiscount, Instant at) {
        requireDraft();
        Money off = newDiscount == null ? Money.zero(currency) : newDiscount;
        requireLines(newLines, off, basis, currency);
        return new Invoice(id, kind, status, client, basis, currency, newLines, off, corrects, issue, createdAt, at);
    }

    /**
     * The invoice issued as {@code number} at {@code at}, chained to {@code previousHash} (the hash of
     * the series' last invoice, {@link InvoiceHash#GENESIS} for its first).
     */
    public Invoice issue(InvoiceNumber number, Instant at, InvoiceParty seller, InvoiceParty buyer,
                         String previousHash) {
        requireDraft();
        if (number.kind() != kind) {
            throw new IllegalArgumentException("a " + kind.wireName() + " takes a number of its own series");
        }
        Invoice numbered = new Invoice(id, kind, InvoiceStatus.ISSUED, client, basis, currency, lines, discount,
                corrects, Optional.of(new Issue(number, at, seller, buyer, previousHash, InvoiceHash.GENESIS)),
                createdAt, at);
        String hash = InvoiceHash.of(previousHash, numbered.canonicalText());
        return new Invoice(id, kind, InvoiceStatus.ISSUED, client, basis, currency, lines, discount, corrects,
                Optional.of(new Issue(number, at, seller, buyer, previousHash, hash)), createdAt, at);
    }

    /**
     * A draft credit note taking back {@code creditLines} (less {@code creditDiscount}) of this issued
     * invoice, for {@code reason}. A full credit note repeats the invoice's lines and discount, so its
     * amounts are the invoice's exactly. Whether the invoice has that much left to credit is the
     * caller's to check ({@link #amounts}).
     */
    public Invoice creditNote(InvoiceId noteId, List<ChargeLine> creditLines, Money creditDiscount, String reason,
                              Instant at) {
        if (status != InvoiceStatus.ISSUED) {
            throw new ConflictException("only an issued invoice is credited; change the draft instead",
                    Map.of("field", "status", "status", status.wireName()));
        }
        if (kind == InvoiceKind.CREDIT_NOTE) {
            throw new ConflictException("a credit note is not credited", Map.of("field", "kind"));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new ValidationException("reason", "must be 1 to " + MAX_REASON + " characters");
        }
        Money off = creditDiscount == null ? Money.zero(currency) : creditDiscount;
        requireLines(creditLines, off, basis, currency);
        return new Invoice(noteId, InvoiceKind.CREDIT_NOTE, InvoiceStatus.DRAFT, client, basis, currency,
                creditLines, off, Optional.of(new Correction(id, issue.orElseThrow().number(), why)), Optional.empty(),
                at, at);
    }

    /** The full credit note: this invoice's own lines and discount, so it reverses it exactly. */
    public Invoice fullCreditNote(InvoiceId noteId, String reason, Instant at) {
        return creditNote(noteId, lines, discount, reason, at);
    }

    /** The amounts, unsigned: what the invoice charges, or what the credit note takes back. */
    public InvoiceAmounts amounts() {
        return InvoiceArithmetic.compute(lines, discount, basis);
    }

    /** 1 for an invoice, -1 for a credit note: the sign of its amounts in totals and reports. */
    public int sign() {
        return kind == InvoiceKind.CREDIT_NOTE ? -1 : 1;
    }

    /** The signed total: what the client owes for this document (negative for a credit note). */
    public Money signedTotal() {
        Money gross = amounts().gross();
        return new Money(sign() * gross.amountMinor(), currency);
    }

    public Optional<InvoiceNumber> number() {
        return issue.map(Issue::number);
    }

    /**
     * The text the chain hashes: every fact printed on the issued invoice, one per line, in a fixed
     * order and escaping, amounts in minor units. It never changes for an issued invoice, so the hash
     * can be checked again at any time.
     */
    public String canonicalText() {
        Issue issued = issue.orElseThrow(() -> new IllegalStateException("a draft has no canonical text"));
        InvoiceAmounts amounts = amounts();
        StringBuilder text = new StringBuilder();
        field(text, "qleven-invoice", "1");
        field(text, "id", id.toString());
        field(text, "kind", kind.wireName());
        field(text, "number", issued.number().text());
        field(text, "issuedAt", issued.issuedAt().truncatedTo(ChronoUnit.MICROS).toString());
        field(text, "client", client.toString());
        field(text, "currency", currency.getCurrencyCode());
        field(text, "basis", basis.wireName());
        field(text, "discount", Long.toString(discount.amountMinor()));
        party(text, "seller", issued.seller());
        party(text, "buyer", issued.buyer());
        corrects.ifPresent(c -> {
            field(text, "corrects", c.number().text());
            field(text, "reason", c.reason());
        });
        for (InvoiceAmounts.Line line : amounts.lines()) {
            ChargeLine c = line.charge();
            raw(text, "line", String.join("|", escape(c.description()), c.quantity().text(),
                    Long.toString(c.unitPrice().amountMinor()), escape(c.taxRate().code()), c.taxRate().rateText(),
                    Boolean.toString(c.taxRate().exempt()), Long.toString(c.discount().amountMinor()),
                    Long.toString(line.net().amountMinor()), Long.toString(line.tax().amountMinor()),
                    Long.toString(line.gross().amountMinor())));
        }
        field(text, "net", Long.toString(amounts.net().amountMinor()));
        field(text, "tax", Long.toString(amounts.tax().amountMinor()));
        field(text, "gross", Long.toString(amounts.gross().amountMinor()));
        return text.toString();
    }

    private static void party(StringBuilder text, String role, InvoiceParty party) {
        field(text, role + ".name", party.name());
        field(text, role + ".address", party.address());
        for (InvoiceParty.Identifier identifier : party.identifiers()) {
            raw(text, role + ".id", escape(identifier.label()) + "|" + escape(identifier.value()));
        }
    }

    private static void field(StringBuilder text, String name, String value) {
        text.append(name).append('=').append(escape(value)).append('\n');
    }

    /** A field whose value is already escaped parts joined by {@code |}. */
    private static void raw(StringBuilder text, String name, String escapedValue) {
        text.append(name).append('=').append(escapedValue).append('\n');
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("|", "\\|");
    }

    private void requireDraft() {
        if (status != InvoiceStatus.DRAFT) {
            throw new ConflictException("an issued invoice never changes; correct it with a credit note",
                    Map.of("field", "status", "status", status.wireName()));
        }
    }

    private static void requireLines(List<ChargeLine> lines, Money discount, PriceBasis basis, Currency currency) {
        if (lines == null || lines.isEmpty()) {
            throw new ValidationException("lines", "an invoice needs at least one line");
        }
        if (lines.size() > MAX_LINES) {
            throw new ValidationException("lines", "an invoice holds at most " + MAX_LINES + " lines");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).unitPrice().currency().equals(currency)) {
                errors.add(new FieldError("lines[" + i + "].unitPrice.currency",
                        "must be " + currency.getCurrencyCode() + ", the center's currency"));
            }
        }
        if (!discount.currency().equals(currency)) {
            errors.add(new FieldError("discount.currency", "must be " + currency.getCurrencyCode()
                    + ", the center's currency"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        InvoiceArithmetic.compute(lines, discount, basis);
    }
}
