package com.qleven.host.audit;

import com.qleven.application.Qleven;
import com.qleven.host.Schedule;
import java.time.Duration;
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
    private final Schedule schedule;

    public AuditSealJob(Qleven qleven, Duration every) {
        this.qleven = qleven;
        this.schedule = new Schedule("qleven-audit-sealer", every, every, this::runOnce);
    }

    public void start() {
        schedule.start();
    }

    /** Seals what is due now; a failure is logged and the next run tries again. */
    public int runOnce() {
        try {
            int sealed = qleven.audit().sealAll();
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
        schedule.close();
        if (schedule.started()) {
            runOnce();
        }
    }
}
