package com.qleven.host.audit;

import com.qleven.application.audit.SecurityWatch;
import com.qleven.domain.audit.AlertKind;
import com.qleven.domain.audit.SecurityAlert;
import com.qleven.ports.audit.out.SecurityAlerts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts as a structured WARN line ({@code event=security_alert kind=…}, ids and short keyed hashes
 * only) and the counter {@code qleven_security_alerts_total{kind}}, which monitoring alerts on.
 */
public final class MeteredSecurityAlerts implements SecurityAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(MeteredSecurityAlerts.class);
    private final Map<AlertKind, Counter> counters = new EnumMap<>(AlertKind.class);

    public MeteredSecurityAlerts(MeterRegistry registry) {
        // Every kind exists from the start at 0, so a rate over the counter means something at once.
        for (AlertKind kind : AlertKind.values()) {
            counters.put(kind, Counter.builder("qleven.security.alerts")
                    .description("Security alerts raised: bursts of client reads by one account, of failed sign-ins")
                    .tag("kind", kind.wireName())
                    .register(registry));
        }
    }

    @Override
    public void raise(SecurityAlert alert) {
        LOG.warn(SecurityWatch.describe(alert));
        counters.get(alert.kind()).increment();
    }
}
