package com.qleven.host;

import com.qleven.application.Qleven;
import com.qleven.host.config.ConfigException;
import com.qleven.host.config.Intervals;
import com.qleven.ports.messaging.in.WebhookRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes the WhatsApp webhook events the host keeps ({@code qleven.messaging().processWebhooks})
 * every {@value #EVERY} (default 250 ms), batch after batch while batches come back full, so statuses
 * reach their messages within a moment of Meta's POST; and, once a {@link #PURGE_EVERY}, purges the
 * bodies of events processed more than a week ago. Hosts side by side each run one (events are
 * claimed with SKIP LOCKED under a lease). The core logs counts only; stopped with the host.
 */
public final class WhatsAppWebhookJob implements AutoCloseable {
    public static final String EVERY = "QLEVEN_WHATSAPP_WEBHOOK_EVERY";
    static final Duration DEFAULT_EVERY = Duration.ofMillis(250);
    static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    static final int BATCH = 50;
    /** Batches in one run at most, so a run ends and the schedule stays responsive to a stop. */
    static final int MAX_BATCHES = 100;
    static final int PURGE_LIMIT = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppWebhookJob.class);

    private final Qleven qleven;
    private final Clock clock;
    private final Schedule schedule;
    private Instant nextPurge = Instant.MIN;

    public WhatsAppWebhookJob(Qleven qleven, Clock clock, Duration every) {
        this.qleven = Objects.requireNonNull(qleven, "qleven");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.schedule = new Schedule("qleven-whatsapp-webhooks", every, every, this::runOnce);
    }

    /**
     * {@value #EVERY}: {@code 250ms}, {@code 1s}, from 100 ms to 1 hour; unset, 250 ms.
     *
     * @throws ConfigException naming the variable when the value is not such an interval
     */
    public static Duration every(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Duration every = Intervals.every(env, EVERY, DEFAULT_EVERY, "250ms or 1s", problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return every;
    }

    public void start() {
        schedule.start();
    }

    /** One run: batches until one comes back short, then the purge when due. Never throws. */
    public synchronized WebhookRun runOnce() {
        WebhookRun total = WebhookRun.NONE;
        try {
            for (int i = 0; i < MAX_BATCHES && !Thread.currentThread().isInterrupted(); i++) {
                WebhookRun run = qleven.messaging().processWebhooks(BATCH);
                total = total.plus(run);
                if (run.events() < BATCH) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("event=whatsapp_webhook_job_failed error={}", e.getClass().getName());
        }
        Instant now = clock.instant();
        if (!now.isBefore(nextPurge)) {
            try {
                int purged = qleven.messaging().purgeProcessedWebhooks(PURGE_LIMIT);
                nextPurge = now.plus(purged == PURGE_LIMIT ? Duration.ZERO : PURGE_EVERY);
                if (purged > 0) {
                    LOG.info("event=whatsapp_webhooks_purged events={}", purged);
                }
            } catch (RuntimeException e) {
                LOG.warn("event=whatsapp_webhook_purge_failed error={}", e.getClass().getName());
            }
        }
        return total;
    }

    /** Stops the schedule, interrupting a run in flight and waiting up to five seconds for it. */
    @Override
    public void close() {
        schedule.close();
    }
}
