package com.qleven.application.audit;

import com.qleven.domain.audit.AlertKind;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.audit.BurstPolicy;
import com.qleven.domain.audit.BurstWindow;
import com.qleven.domain.audit.SecurityAlert;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.audit.out.SecurityAlerts;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Watches for bursts and raises alerts: reads of many distinct clients by one account, and many
 * failed sign-ins for one account or from one address. Windows live in this process's memory, so
 * each host watches the requests it serves; one alert per key and window, however long the burst.
 */
public final class SecurityWatch {
    /**
     * The actions that read client records (an export of a client's data among them); a burst of
     * their subjects is a possible mass export.
     */
    public static final Set<String> CLIENT_READ_ACTIONS = Set.of("client.read", "client.search", "client.list",
            "client.export");
    private static final System.Logger LOG = System.getLogger(SecurityWatch.class.getName());
    private static final int SWEEP_EVERY = 1024;

    private record Key(AlertKind kind, Optional<TenantId> tenant, String scope, String key) {
    }

    private final SecurityAlerts alerts;
    private final BurstPolicy clientReads;
    private final BurstPolicy failedSignIns;
    private final Map<Key, BurstWindow> windows = new ConcurrentHashMap<>();
    private final AtomicLong observations = new AtomicLong();

    public SecurityWatch(SecurityAlerts alerts, BurstPolicy clientReads, BurstPolicy failedSignIns) {
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.clientReads = Objects.requireNonNull(clientReads, "clientReads");
        this.failedSignIns = Objects.requireNonNull(failedSignIns, "failedSignIns");
    }

    /** The alert as one log line: fixed keys, ids and short keyed hashes only. */
    public static String describe(SecurityAlert alert) {
        return "event=security_alert kind=" + alert.kind().wireName()
                + alert.tenant().map(t -> " tenant=" + t).orElse("")
                + " scope=" + alert.scope() + " key=" + alert.key() + " observed=" + alert.observed()
                + " threshold=" + alert.policy().threshold() + " window=" + alert.policy().window();
    }

    /** Alerts written as WARN lines to the platform logger, for embedders that bring no sink of their own. */
    public static SecurityAlerts logged() {
        return alert -> LOG.log(System.Logger.Level.WARNING, describe(alert));
    }

    /**
     * Sees a recorded audit event. A read of one client counts its subject; a list or search that
     * names no subject counts each of its rows as a subject of its own (as many as it takes to go
     * over the threshold, so that one huge export costs no more memory than the alert needs).
     */
    public void recorded(AuditEvent event) {
        if (!CLIENT_READ_ACTIONS.contains(event.action()) || event.actor().isEmpty()) {
            return;
        }
        Key key = new Key(AlertKind.CLIENT_READ_BURST, event.tenant(), "user", event.actor().get().toString());
        OptionalInt raised = observe(key, clientReads, window -> event.subjectId().isPresent()
                ? window.observeDistinct(event.subjectId().map(UUID::toString).get(), event.at())
                : rows(window, Math.min(event.rowCount(), clientReads.threshold() + 1), event.at()));
        raised.ifPresent(n -> raise(new SecurityAlert(key.kind(), key.tenant(), key.scope(), key.key(), n,
                clientReads, event.at())));
        sweep(event.at());
    }

    /**
     * Sees a failed or refused sign-in, by the short keyed hashes of the email typed and of the
     * client's address (never the email or address itself).
     */
    public void failedSignIn(String accountKey, String addressKey, Instant at) {
        observeFailure("account_email", accountKey, at);
        observeFailure("address", addressKey, at);
        sweep(at);
    }

    private void observeFailure(String scope, String value, Instant at) {
        Key key = new Key(AlertKind.FAILED_SIGN_IN_BURST, Optional.empty(), scope, value);
        OptionalInt raised = observe(key, failedSignIns, window -> window.observe(at));
        raised.ifPresent(n -> raise(new SecurityAlert(key.kind(), Optional.empty(), scope, value, n, failedSignIns,
                at)));
    }

    /** Observes under the map's lock of the key, so that a sweep never drops a window being written. */
    private OptionalInt observe(Key key, BurstPolicy policy, Function<BurstWindow, OptionalInt> observation) {
        OptionalInt[] raised = {OptionalInt.empty()};
        windows.compute(key, (k, window) -> {
            BurstWindow w = window != null ? window : new BurstWindow(policy);
            raised[0] = observation.apply(w);
            return w;
        });
        return raised[0];
    }

    private static OptionalInt rows(BurstWindow window, int rows, Instant at) {
        OptionalInt raised = OptionalInt.empty();
        for (int i = 0; i < rows; i++) {
            OptionalInt now = window.observe(at);
            if (now.isPresent()) {
                raised = now;
            }
        }
        return raised;
    }

    /** A failing sink must not fail the use case that tripped the alert. */
    private void raise(SecurityAlert alert) {
        try {
            alerts.raise(alert);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, describe(alert) + " (the alert sink failed: " + e + ")");
        }
    }

    /** Forgets idle windows now and then, so that memory follows recent activity only. */
    private void sweep(Instant now) {
        if (observations.incrementAndGet() % SWEEP_EVERY != 0) {
            return;
        }
        for (Key key : windows.keySet()) {
            windows.computeIfPresent(key, (k, window) -> window.idleAt(now) ? null : window);
        }
    }
}
