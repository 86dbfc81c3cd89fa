package com.qleven.ports.billing.out;

import com.qleven.domain.billing.InvoiceId;
import com.qleven.domain.billing.InvoiceKind;
import com.qleven.domain.billing.InvoiceNumber;
import com.qleven.domain.billing.InvoiceStatus;
import com.qleven.domain.billing.PriceBasis;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.AppointmentId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An invoice as stored: the texts that name or describe a person (line descriptions, the buyer, a
 * credit note's reason) as ciphertext under the center's finance key, so they outlive an erasure of
 * the client and no dump shows them; amounts and the chain's hashes in the clear, so reports and
 * checks read them without a key. {@code net}, {@code tax} and {@code gross} are signed (negative for
 * a credit note); {@code paid} is what payments settled (refunds subtract), {@code credited} what
 * issued credit notes took back (positive).
 */
public record StoredInvoice(InvoiceId id, InvoiceKind kind, InvoiceStatus status, ClientId client,
                            Optional<AppointmentId> appointment, PriceBasis basis, Currency currency, long discount,
                            List<Line> lines, long net, long tax, long gross, Optional<Issued> issue,
                            Optional<Corrects> corrects, long paid, long credited, boolean restricted,
                            Instant createdAt, Instant updatedAt, long version) {
    public StoredInvoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(appointment, "appointment");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
        Objects.requireNonNull(issue, "issue");
        Objects.requireNonNull(corrects, "corrects");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** One line: its sealed description and the facts its amounts come from. */
    public record Line(byte[] description, String quantity, long unitPrice, String taxCode, String taxName,
                       BigDecimal taxRate, boolean exempt, String legalMention, long discount) {
    }

    /**
     * What issuing fixed: the number, the seller in the clear (a center's public identity), the buyer
     * sealed ({@code buyerIdentifiers} as label and value pairs, sealed together), and the chain.
     */
    public record Issued(InvoiceNumber number, Instant issuedAt, String sellerName, String sellerAddress,
                         List<String> sellerIdentifiers, byte[] buyerName, byte[] buyerAddress,
                         byte[] buyerIdentifiers, String previousHash, String hash) {
        public Issued {
            sellerIdentifiers = List.copyOf(sellerIdentifiers);
        }
    }

    /** What a credit note corrects, and its sealed reason. */
    public record Corrects(InvoiceId invoice, InvoiceNumber number, byte[] reason) {
    }

    /** What the client still owes on it: the signed total less what was paid and credited. */
    public long balance() {
        return gross - paid - credited;
    }
}
