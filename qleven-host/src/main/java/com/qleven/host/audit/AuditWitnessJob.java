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
 * Writes the audit chains' heads to the witness outside the database every minute while the host
 * serves, and once more when it stops, after the last request has been answered.
 */
public final class AuditWitnessJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditWitnessJob.class);
    private final Qleven qleven;
    private final Duration every;
    private final AtomicBoolean started = new AtomicBoolean();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "qleven-audit-witness");
        t.setDaemon(true);
        return t;
    });

    public AuditWitnessJob(Qleven qleven, Duration every) {
        this.qleven = qleven;
        this.every = every;
    }

    public void start() {
        if (started.compareAndSet(false, true)) {
            scheduler.scheduleWithFixedDelay(this::runOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Witnesses now; a failure is logged and the next run tries again. */
    public void runOnce() {
        try {
            int chains = qleven.witnessAuditHeads().witness();
            LOG.debug("event=audit_heads_witnessed chains={}", chains);
        } catch (RuntimeException e) {
            LOG.warn("event=audit_witness_failed error={}", e.toString());
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
