package com.qleven.host;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One background job of the host on a daemon thread of its own: started once, run with a fixed
 * delay between runs, stopped by interrupting the run in flight (waiting up to five seconds for
 * it). The job's run must never throw, or the schedule would stop; each job logs its own failures.
 * The pattern the host's jobs share, so that a new one (a dispatcher, a reminder) adds only its run.
 */
public final class Schedule implements AutoCloseable {
    private final Duration first;
    private final Duration every;
    private final Runnable run;
    private final AtomicBoolean started = new AtomicBoolean();
    private final ScheduledExecutorService scheduler;

    public Schedule(String threadName, Duration first, Duration every, Runnable run) {
        Objects.requireNonNull(threadName, "threadName");
        this.first = Objects.requireNonNull(first, "first");
        this.every = Objects.requireNonNull(every, "every");
        this.run = Objects.requireNonNull(run, "run");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the runs, once; later calls do nothing. */
    public void start() {
        if (started.compareAndSet(false, true)) {
            scheduler.scheduleWithFixedDelay(run, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Whether {@link #start} was called: a job that runs once more at shutdown runs only then. */
    public boolean started() {
        return started.get();
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
