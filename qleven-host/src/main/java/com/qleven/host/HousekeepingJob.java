package com.qleven.host;

import com.qleven.ports.shared.in.PurgeOperationalRecords;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the core's housekeeping of the operational tables ({@link PurgeOperationalRecords}) shortly
 * after start and then every {@link #EVERY}: each run purges the global tables and works through
 * the centers due, a batch at a time. Several hosts may run it side by side (centers are claimed
 * with SKIP LOCKED). Logs counts only.
 */
public final class HousekeepingJob implements AutoCloseable {
    /** How often the job runs; each table's age is far longer, so a row outlives its age by at most this. */
    public static final Duration EVERY = Duration.ofMinutes(15);
    static final int CENTER_BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(HousekeepingJob.class);

    private final PurgeOperationalRecords purge;
    private final Schedule schedule;

    public HousekeepingJob(PurgeOperationalRecords purge) {
        this.purge = purge;
        this.schedule = new Schedule("qleven-housekeeping", Duration.ofMinutes(1), EVERY, this::runOnce);
    }

    public void start() {
        schedule.start();
    }

    /** One run: batches of due centers until a batch comes back short. Never throws, so the schedule goes on. */
    public void runOnce() {
        try {
            PurgeOperationalRecords.PurgeReport report;
            do {
                report = purge.purge(CENTER_BATCH);
                LOG.info("event=housekeeping centers={} removed={}", report.centers(), report.removed());
            } while (report.centers() == CENTER_BATCH && !Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            LOG.warn("event=housekeeping_failed error={}", e.toString());
        }
    }

    @Override
    public void close() {
        schedule.close();
    }
}
