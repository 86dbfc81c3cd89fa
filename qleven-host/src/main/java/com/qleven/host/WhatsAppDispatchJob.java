package com.qleven.host;

import com.qleven.application.Qleven;
import com.qleven.application.messaging.Dispatcher;
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
 * Sends the WhatsApp outbox's due messages ({@code qleven.messaging().dispatchDue()}) every
 * {@value #EVERY} (default 500 ms) while the host serves. Hosts side by side each run one: centers are
 * claimed under a lease, messages locked with SKIP LOCKED and the send budgets shared through the
 * database, so each message goes once. Stopping lets a run in flight finish its calls and record
 * their outcomes (up to {@link #DRAIN}); a host killed mid-call leaves messages {@code sending}, which
 * the next run anywhere turns {@code uncertain} for staff, never resending them. Logs counts only.
 */
public final class WhatsAppDispatchJob implements AutoCloseable {
    public static final String EVERY = "QLEVEN_WHATSAPP_DISPATCH_EVERY";
    /**
     * Half a second: a number's bucket holds one second of sends, so a run at least this often never
     * lets tokens go unused while messages wait, even with the time a run takes.
     */
    static final Duration DEFAULT_EVERY = Duration.ofMillis(500);
    /** Longer than a batch of calls can take with the gateway's timeouts (5 s to connect, 20 s to answer). */
    static final Duration DRAIN = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppDispatchJob.class);

    private final Qleven qleven;
    private final Schedule schedule;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean stopping = new AtomicBoolean();

    public WhatsAppDispatchJob(Qleven qleven, Duration every) {
        this.qleven = Objects.requireNonNull(qleven, "qleven");
        this.schedule = new Schedule("qleven-whatsapp-dispatch", every, every, this::runOnce);
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
    public Dispatcher.Counts runOnce() {
        running.lock();
        try {
            if (stopping.get()) {
                return new Dispatcher.Counts(0, 0, 0, 0, 0, 0, 0);
            }
            Dispatcher.Counts counts = qleven.messaging().dispatchDue();
            if (counts.centers() > 0 && (counts.attempted() > 0 || counts.uncertain() > 0 || counts.skipped() > 0)) {
                LOG.info("event=whatsapp_dispatched centers={} sent={} retried={} failed={} uncertain={} skipped={}"
                                + " deferred={}", counts.centers(), counts.sent(), counts.retried(), counts.failed(),
                        counts.uncertain(), counts.skipped(), counts.deferred());
            }
            return counts;
        } catch (RuntimeException e) {
            LOG.warn("event=whatsapp_dispatch_failed error={}", e.getClass().getName());
            return new Dispatcher.Counts(0, 0, 0, 0, 0, 0, 0);
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
