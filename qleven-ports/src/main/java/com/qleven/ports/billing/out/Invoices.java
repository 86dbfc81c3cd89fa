package com.qleven.ports.billing.out;

import com.qleven.domain.billing.InvoiceId;
import com.qleven.domain.billing.InvoiceNumber;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * A center's invoices and credit notes. An issued one never changes but for what settles it (paid,
 * credited) and its restriction after an erasure: the store refuses any other change (in PostgreSQL a
 * trigger), whatever the caller checked. Each read is one statement, lines included; lists page by
 * (created, id), newest first, with an opaque cursor. Writes join the unit of work open on the thread.
 */
public interface Invoices {

    /** Adds a new invoice (version 1): a draft, or a credit note issued in the same unit. */
    void add(TenantId tenant, StoredInvoice invoice);

    Optional<StoredInvoice> byId(TenantId tenant, InvoiceId id);

    /**
     * Replaces a draft's lines and amounts with {@code invoice}'s (version {@code expectedVersion + 1}).
     *
     * @return false, changing nothing, when the invoice is missing, issued, or of another version
     */
    boolean updateDraft(TenantId tenant, StoredInvoice invoice, long expectedVersion);

    /**
     * Deletes a draft and its lines (a fee waived, a draft made by mistake); an issued invoice is
     * never deleted.
     *
     * @return false, deleting nothing, when the invoice is missing, issued, or of another version
     */
    boolean discardDraft(TenantId tenant, InvoiceId id, long expectedVersion);

    /**
     * Issues the draft as {@code invoice} says (number, parties, chain) and makes its hash the last of
     * its series, in one statement.
     *
     * @return false, changing nothing, when the invoice is missing, issued, or of another version
     */
    boolean issue(TenantId tenant, StoredInvoice invoice, long expectedVersion);

    /**
     * Adds {@code paid} and {@code credited} (either may be negative: a refund, never below zero in
     * total) to what settled the invoice, and bumps its version.
     *
     * @return false when the invoice is missing or of another version
     */
    boolean settle(TenantId tenant, InvoiceId id, long paid, long credited, long expectedVersion);

    /**
     * The invoice that bills the appointment now, if any: a draft, or an issued invoice (not a
     * credit note) that its credit notes have not taken back whole. One statement.
     */
    Optional<InvoiceId> billing(TenantId tenant, com.qleven.domain.scheduling.AppointmentId appointment);

    /** The invoices the query selects, newest first. */
    Page<StoredInvoice> list(TenantId tenant, InvoiceFilter filter, PageRequest page);

    /** Every issued invoice of a series, by place, for checking its chain. */
    List<StoredInvoice> series(TenantId tenant, InvoiceNumber.Series series);

    /**
     * After the client's erasure: drafts go, issued invoices stay (a legal duty keeps them) marked
     * restricted.
     */
    void restrictOf(TenantId tenant, ClientId client);

    /** What a list selects: a client's, a status. */
    record InvoiceFilter(Optional<ClientId> client, Optional<com.qleven.domain.billing.InvoiceStatus> status) {
        public static InvoiceFilter all() {
            return new InvoiceFilter(Optional.empty(), Optional.empty());
        }
    }
}
