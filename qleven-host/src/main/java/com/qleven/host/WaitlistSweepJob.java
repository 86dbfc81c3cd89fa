package com.qleven.host;

import com.qleven.application.Qleven;
import com.qleven.host.config.ConfigException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern INTERVAL = Pattern.compile("^([1-9][0-9]{0,6})(ms|s|m|h)$");
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
        Optional<String> value = Optional.ofNullable(env.get(EVERY)).map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return DEFAULT_EVERY;
        }
        Matcher m = INTERVAL.matcher(value.get());
        Duration every = null;
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            every = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        if (every == null || every.compareTo(Duration.ofMillis(100)) < 0 || every.compareTo(Duration.ofHours(1)) > 0) {
            throw new ConfigException(EVERY + " must be an interval from 100ms to 1h such as 30s or 1m, got '"
                    + value.get() + "'");
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
