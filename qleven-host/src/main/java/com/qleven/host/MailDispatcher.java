package com.qleven.host;

import com.qleven.ports.shared.in.DispatchMail;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the core's mail dispatch every second: each tick sends what is due, batch after batch while
 * batches come back full. Several hosts may run it side by side (claims skip each other's mail).
 * Closing waits for the tick in flight, so a stop does not cut a message in half.
 */
public final class MailDispatcher implements AutoCloseable {
    static final int BATCH = 20;
    private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);

    private final DispatchMail dispatch;
    private final Duration interval;
    private final String destination;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "qleven-mail-dispatcher");
        t.setDaemon(true);
        return t;
    });

    /** @param destination where mail goes, for the start-up line: never a credential */
    public MailDispatcher(DispatchMail dispatch, Duration interval, String destination) {
        this.dispatch = dispatch;
        this.interval = interval;
        this.destination = destination;
    }

    public void start() {
        LOG.info("mail: {}", destination);
        scheduler.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass; never throws, or the scheduler would stop running it. */
    void tick() {
        try {
            DispatchMail.DispatchReport report;
            do {
                report = dispatch.dispatchDue(BATCH);
            } while (report.handled() == BATCH && !Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            LOG.warn("mail dispatch failed; the next tick tries again: {}", e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(Host.DRAIN.toSeconds(), TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
