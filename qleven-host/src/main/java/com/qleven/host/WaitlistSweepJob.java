package com.qleven.host;

import com.qleven.application.Qleven;
import com.qleven.host.config.ConfigException;
import com.qleven.host.config.Intervals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes on the waitlist offers whose hold ended unanswered ({@code
 * qleven.scheduling().passAllLapsedWaitlistOffers()}) every {@value #EVERY} (default 30 s) while
 * the host serves: the next matching waiting client gets the slot and the mail, without anyone
 * asking. Hosts side by side each run one (centers are claimed with SKIP LOCKED under a lease).
 * Logs counts only; stopped with the host.
 */
public final class WaitlistSweepJob implements AutoCloseable {
    public static final String EVERY = "QLEVEN_WAITLIST_SWEEP_EVERY";
    static final Duration DEFAULT_EVERY = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(WaitlistSweepJob.class);

    private final Qleven qleven;
    private final Schedule schedule;

    public WaitlistSweepJob(Qleven qleven, Duration every) {
        this.qleven = Objects.requireNonNull(qleven, "qleven");
        this.schedule = new Schedule("qleven-waitlist-sweep", every, every, this::runOnce);
    }

    /**
     * {@value #EVERY}: {@code 250ms}, {@code 30s}, {@code 5m}, from 100 ms to 1 hour; unset, 30 s.
     *
     * @throws ConfigException naming the variable when the value is not such an interval
     */
    public static Duration every(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Duration every = Intervals.every(env, EVERY, DEFAULT_EVERY, "30s or 1m", problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return every;
    }

    public void start() {
        schedule.start();
    }

    /** One sweep; never throws, so the schedule goes on. How many offers were passed on. */
    public int runOnce() {
        try {
            int passed = qleven.scheduling().passAllLapsedWaitlistOffers();
            if (passed > 0) {
                LOG.info("event=waitlist_offers_lapsed offers={}", passed);
            }
            return passed;
        } catch (RuntimeException e) {
            LOG.warn("event=waitlist_sweep_failed error={}", e.getClass().getName());
            return 0;
        }
    }

    /** Stops the schedule, interrupting a sweep in flight and waiting up to five seconds for it. */
    @Override
    public void close() {
        schedule.close();
    }
}
