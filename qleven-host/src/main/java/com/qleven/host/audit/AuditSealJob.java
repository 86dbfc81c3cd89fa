package com.qleven.host.audit;

import com.qleven.application.Qleven;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links the appended audit events into their chains about every second while the host serves,
 * and once more when it stops, after the last request has been answered (before the heads are
 * witnessed for the last time). Hosts side by side each run one: a chain held by one sealer is
 * passed over by the others.
 */
public final class AuditSealJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditSealJob.class);
    private final Qleven qleven;
    private final Duration every;
    private final AtomicBoolean started = new AtomicBoolean();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "qleven-audit-sealer");
        t.setDaemon(true);
        return t;
    });

    public AuditSealJob(Qleven qleven, Duration every) {
        this.qleven = qleven;
        this.every = every;
    }

    public void start() {
        if (started.compareAndSet(false, true)) {
            scheduler.scheduleWithFixedDelay(this::runOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Seals what is due now; a failure is logged and the next run tries again. */
    public int runOnce() {
        try {
            int sealed = qleven.sealAuditTrail().sealAll();
            if (sealed > 0) {
                LOG.debug("event=audit_sealed entries={}", sealed);
            }
            return sealed;
        } catch (RuntimeException e) {
            LOG.warn("event=audit_seal_failed error={}", e.toString());
            return 0;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (started.get()) {
            runOnce();
        }
    }
}
