package com.qleven.ports.shared.in;

import java.util.Map;

/**
 * Housekeeping of the operational tables, each at its documented age: sign-in tokens at their
 * absolute expiry, the session log (with its sealed IP address and user agent) 12 months after the
 * session was over, invitation and password-reset links at their expiry, rate-limit events after
 * 24 hours, idempotency records after 24 hours, public bookings' manage links at their expiry. The
 * host runs it on a schedule; an embedder may call it itself. Several hosts may run it side by side.
 */
public interface PurgeOperationalRecords {

    /** What one pass removed, per table, and how many centers it visited. */
    record PurgeReport(Map<String, Integer> removed, int centers) {
        public PurgeReport {
            removed = Map.copyOf(removed);
        }
    }

    /**
     * One pass: the global tables, then up to {@code centerBatch} centers whose rows are due, each in
     * its own unit of work.
     */
    PurgeReport purge(int centerBatch);
}
