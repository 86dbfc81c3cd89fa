package com.qleven.host;

import com.qleven.ports.shared.in.PurgeOperationalRecords;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private final AtomicBoolean started = new AtomicBoolean();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "qleven-housekeeping");
        t.setDaemon(true);
        return t;
    });

    public HousekeepingJob(PurgeOperationalRecords purge) {
        this.purge = purge;
    }

    public void start() {
        if (started.compareAndSet(false, true)) {
            scheduler.scheduleWithFixedDelay(this::runOnce, Duration.ofMinutes(1).toMillis(), EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
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
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
