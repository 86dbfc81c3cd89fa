package com.qleven.host.privacy;

import com.qleven.ports.privacy.in.CountPrivacyDeadlines;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gauges {@code qleven_privacy_requests{state="due_soon"|"overdue"}}: unanswered data-subject
 * requests across every center, counted at each scrape, so that monitoring can alert before the
 * policy's 30 days run out. Counts only; nothing about a center or a client leaves.
 */
public final class PrivacyRequestMetrics {
    private PrivacyRequestMetrics() {
    }

    public static void register(MeterRegistry registry, CountPrivacyDeadlines deadlines) {
        Gauge.builder("qleven.privacy.requests", deadlines, d -> d.count().dueSoon())
                .description("Unanswered data-subject requests due within 7 days, or overdue")
                .tag("state", "due_soon")
                .register(registry);
        Gauge.builder("qleven.privacy.requests", deadlines, d -> d.count().overdue())
                .description("Unanswered data-subject requests due within 7 days, or overdue")
                .tag("state", "overdue")
                .register(registry);
    }
}
