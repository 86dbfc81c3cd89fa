package com.qleven.host;

import com.qleven.application.Qleven;
import com.qleven.application.devices.CommandDispatcher;
import com.qleven.host.config.ConfigException;
import com.qleven.host.config.Intervals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the device command outbox's due commands ({@code qleven.devices().dispatcher().dispatchDue()})
 * every {@value #EVERY} (default 500 ms) while the host serves. Hosts side by side each run one: centers
 * are claimed under a lease and commands locked with SKIP LOCKED and held in flight, so each publish
 * goes from one host; a host killed mid-publish leaves its commands due again after the hold, and the
 * device deduplicates by id. Without a connected link a run does nothing. Logs counts only.
 */
public final class DeviceDispatchJob implements AutoCloseable {
    public static final String EVERY = "QLEVEN_DEVICE_DISPATCH_EVERY";
    /** Half a second: an operator waits on an arm, so a queued command goes out within that. */
    static final Duration DEFAULT_EVERY = Duration.ofMillis(500);
    /** Longer than a batch of publishes can take with the link's PUBACK timeout (10 s). */
    static final Duration DRAIN = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(DeviceDispatchJob.class);
    private static final CommandDispatcher.Counts NONE = new CommandDispatcher.Counts(0, 0, 0, 0, 0);

    private final Qleven qleven;
    private final Schedule schedule;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean stopping = new AtomicBoolean();

    public DeviceDispatchJob(Qleven qleven, Duration every) {
        this.qleven = Objects.requireNonNull(qleven, "qleven");
        this.schedule = new Schedule("qleven-device-dispatch", every, every, this::runOnce);
    }

    /**
     * {@value #EVERY}: {@code 250ms}, {@code 1s}, {@code 5s}, from 100 ms to 1 hour; unset, 500 ms.
     *
     * @throws ConfigException naming the variable when the value is not such an interval
     */
    public static Duration every(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Duration every = Intervals.every(env, EVERY, DEFAULT_EVERY, "500ms or 1s", problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return every;
    }

    public void start() {
        schedule.start();
    }

    /** One run; never throws, so the schedule goes on. What it did (all zero once stopping). */
    public CommandDispatcher.Counts runOnce() {
        running.lock();
        try {
            if (stopping.get()) {
                return NONE;
            }
            CommandDispatcher.Counts counts = qleven.devices().dispatcher().dispatchDue();
            if (counts.centers() > 0) {
                LOG.info("event=device_commands_dispatched centers={} sent={} retried={} expired={} failed={}",
                        counts.centers(), counts.sent(), counts.retried(), counts.expired(), counts.failed());
            }
            return counts;
        } catch (RuntimeException e) {
            LOG.warn("event=device_dispatch_failed error={}", e.getClass().getName());
            return NONE;
        } finally {
            running.unlock();
        }
    }

    /** Lets a run in flight finish (up to {@link #DRAIN}), then stops the schedule; no run starts after. */
    @Override
    public void close() {
        stopping.set(true);
        try {
            if (running.tryLock(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                running.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        schedule.close();
    }
}
