package com.qleven.ports.billing.out;

import com.qleven.domain.billing.InvoiceNumber;
import com.qleven.domain.shared.TenantId;

/**
 * Each center's invoice series (a kind and a year in its zone), the last place each gave out and the
 * hash of the invoice issued there. Writes join the unit of work open on the thread.
 */
public interface InvoiceSeries {

    /**
     * The next place in the center's series, with no gap and no duplicate: the series is held by the
     * caller's unit of work until it ends, so a concurrent unit waits for it, and a unit that rolls
     * back gives its place back. The first place of a series is 1. The place comes with the hash of
     * the series' last issued invoice ({@code InvoiceHash.GENESIS} before the first), which the
     * invoice issued at the place chains to.
     */
    Place next(TenantId tenant, InvoiceNumber.Series series);

    /** The last place the series gave out, 0 when none yet. */
    long last(TenantId tenant, InvoiceNumber.Series series);

    /** A place given out, and the hash the invoice issued there chains to. */
    record Place(InvoiceNumber number, String previousHash) {
    }
}
