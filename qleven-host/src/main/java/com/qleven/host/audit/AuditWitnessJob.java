package com.qleven.host.audit;

import com.qleven.application.Qleven;
import com.qleven.host.Schedule;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the audit chains' heads to the witness outside the database every minute while the host
 * serves, and once more when it stops, after the last request has been answered.
 */
public final class AuditWitnessJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditWitnessJob.class);
    private final Qleven qleven;
    private final Schedule schedule;

    public AuditWitnessJob(Qleven qleven, Duration every) {
        this.qleven = qleven;
        this.schedule = new Schedule("qleven-audit-witness", every, every, this::runOnce);
    }

    public void start() {
        schedule.start();
    }

    /** Witnesses now; a failure is logged and the next run tries again. */
    public void runOnce() {
        try {
            int chains = qleven.audit().witness();
            LOG.debug("event=audit_heads_witnessed chains={}", chains);
        } catch (RuntimeException e) {
            LOG.warn("event=audit_witness_failed error={}", e.toString());
        }
    }

    @Override
    public void close() {
        schedule.close();
        if (schedule.started()) {
            runOnce();
        }
    }
}
