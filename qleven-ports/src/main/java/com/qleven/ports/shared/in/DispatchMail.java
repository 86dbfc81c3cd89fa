package com.qleven.ports.shared.in;

/**
 * Sends the mail that is due from the outbox. The host runs it on a schedule; an embedder without
 * the host calls it from its own scheduler. Safe to run on several hosts at once.
 */
public interface DispatchMail {

    /** What one pass did: messages sent, put back for a later attempt, and given up. */
    record DispatchReport(int sent, int retried, int abandoned) {
        public int handled() {
            return sent + retried + abandoned;
        }
    }

    /** Claims and sends at most {@code batch} due messages. */
    DispatchReport dispatchDue(int batch);
}
