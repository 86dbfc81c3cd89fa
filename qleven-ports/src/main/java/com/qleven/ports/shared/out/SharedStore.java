package com.qleven.ports.shared.out;

/**
 * The store's shared group: the unit of work and the repositories that serve every context (the
 * global directory, rate limits, data keys, idempotency, housekeeping, the mail outbox). Every
 * repository's writes join the unit of work that {@link #transactions()} opens on the thread.
 */
public interface SharedStore {
    Transactions transactions();

    Directory directory();

    RateLimits rateLimits();

    DataKeys dataKeys();

    IdempotencyRecords idempotencyRecords();

    /** Housekeeping of the operational tables and the queue of centers due for it. */
    OperationalRecords operationalRecords();

    MailOutbox mailOutbox();
}
