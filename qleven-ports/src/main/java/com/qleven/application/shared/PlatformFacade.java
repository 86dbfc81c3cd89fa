package com.qleven.application.shared;

import com.qleven.ports.shared.in.DispatchMail;
import com.qleven.ports.shared.in.PurgeOperationalRecords;
import com.qleven.application.Foundation;
import com.qleven.ports.shared.out.Mailer;
import com.qleven.ports.shared.out.SharedStore;
import com.qleven.ports.shared.out.Transactions;
import java.util.Optional;

/**
 * What runs beside the use cases of every context: {@code qleven.platform()}. Idempotent replays
 * of creates and actions, the mail outbox and the housekeeping of operational records; the host
 * schedules the last two, an embedder may call them itself.
 */
public final class PlatformFacade {
    private final Idempotency idempotency;
    private final DispatchMail dispatchMail;
    private final PurgeOperationalRecords purge;

    /** Wires the services; without a {@code mailer} (empty) mail stays queued. */
    public PlatformFacade(Foundation f, Optional<Mailer> mailer) {
        Transactions transactions = f.store().shared().transactions();
        SharedStore shared = f.store().shared();
        idempotency = new Idempotency(transactions, shared.idempotencyRecords(), shared.operationalRecords(),
                f.cipher(), f.clock());
        dispatchMail = mailer.<DispatchMail>map(m -> new DispatchMailService(transactions, shared.mailOutbox(),
                        shared.dataKeys(), f.mail(), m, f.clock()))
                .orElse(batch -> {
                    throw new IllegalStateException("no mailer: give Qleven.builder().mailer(...) to send the outbox");
                });
        purge = new PurgeOperationalRecordsService(transactions, shared.operationalRecords(),
                shared.idempotencyRecords(), shared.rateLimits(), f.store().scheduling().manageLinks(), f.clock());
    }

    /** Runs creates and actions at most once per {@code Idempotency-Key}; the host wraps its POST routes in it. */
    public Idempotency idempotency() {
        return idempotency;
    }

    /**
     * Sends up to {@code batch} due mails from the outbox; run it every second. Without a mailer
     * given to {@code Qleven.builder()} mail stays queued and this throws {@link IllegalStateException}.
     */
    public DispatchMail.DispatchReport dispatchMail(int batch) {
        return dispatchMail.dispatchDue(batch);
    }

    /** Removes expired operational records of up to {@code centerBatch} due centers. */
    public PurgeOperationalRecords.PurgeReport purgeOperationalRecords(int centerBatch) {
        return purge.purge(centerBatch);
    }
}
