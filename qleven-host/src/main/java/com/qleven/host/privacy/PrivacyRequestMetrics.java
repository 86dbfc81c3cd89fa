package com.qleven.host.privacy;

import com.qleven.ports.privacy.in.CountPrivacyDeadlines;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauges {@code qleven_privacy_requests{state="due_soon"|"overdue"}}: unanswered data-subject
 * requests across every center, so that monitoring can alert before the policy's 30 days run out.
 * Counted in the background every {@link #EVERY} (a unit of work per center), never by a scrape:
 * a scrape reads the last count and opens no transaction. Counts only; nothing about a center or a
 * client leaves. Before the first count the gauges read NaN.
 */
public final class PrivacyRequestMetrics implements AutoCloseable {
    public static final Duration EVERY = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(PrivacyRequestMetrics.class);
    private static final String DESCRIPTION = "Unanswered data-subject requests due within 7 days, or overdue";

    private final CountPrivacyDeadlines deadlines;
    private volatile double dueSoon = Double.NaN;
    private volatile double overdue = Double.NaN;
    private ScheduledExecutorService scheduler;

    private PrivacyRequestMetrics(CountPrivacyDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** Registers the gauges; {@link #start()} begins counting. */
    public static PrivacyRequestMetrics register(MeterRegistry registry, CountPrivacyDeadlines deadlines) {
        PrivacyRequestMetrics metrics = new PrivacyRequestMetrics(deadlines);
        Gauge.builder("qleven.privacy.requests", metrics, m -> m.dueSoon)
                .description(DESCRIPTION).tag("state", "due_soon").register(registry);
        Gauge.builder("qleven.privacy.requests", metrics, m -> m.overdue)
                .description(DESCRIPTION).tag("state", "overdue").register(registry);
        return metrics;
    }

    /** Counts now and then every {@link #EVERY}, on a thread of its own. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "qleven-privacy-gauges");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::refresh, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Counts now; a failure keeps the last values and is logged without detail about anyone. */
    public void refresh() {
        try {
            CountPrivacyDeadlines.Deadlines counted = deadlines.count();
            dueSoon = counted.dueSoon();
            overdue = counted.overdue();
        } catch (RuntimeException e) {
            LOG.warn("could not count the privacy request deadlines: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
