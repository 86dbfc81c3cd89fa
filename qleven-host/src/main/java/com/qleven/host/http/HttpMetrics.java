package com.qleven.host.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The HTTP meters. Tags are bounded: the route template (never the raw path, which would make a
 * series per id), a known method, the status.
 */
public final class HttpMetrics {
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private final MeterRegistry registry;
    private final Counter invalidCredentials;
    private final Counter rateLimited;
    private final ConcurrentMap<Series, Timer> timers = new ConcurrentHashMap<>();

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.invalidCredentials = signInFailures("invalid_credentials");
        this.rateLimited = signInFailures("rate_limited");
    }

    private Counter signInFailures(String reason) {
        return Counter.builder("qleven.sign_in.failures")
                .description("Sign-ins refused: wrong credentials or too many attempts")
                .tag("reason", reason)
                .register(registry);
    }

    void request(String method, String route, int status, Duration took) {
        String m = METHODS.contains(method) ? method : method.toUpperCase(Locale.ROOT);
        String tag = METHODS.contains(m) ? m : "OTHER";
        // Found once per series, not built and looked up in the registry on every request.
        timers.computeIfAbsent(new Series(tag, route, status), s -> Timer.builder("http.server.requests")
                .description("HTTP requests by route template, method and status")
                .tag("method", s.method())
                .tag("route", s.route())
                .tag("status", Integer.toString(s.status()))
                .register(registry)).record(took);
    }

    /** One timer's tags; bounded like the tags themselves. */
    private record Series(String method, String route, int status) {
    }

    public void signInRefused() {
        invalidCredentials.increment();
    }

    public void signInRateLimited() {
        rateLimited.increment();
    }
}
