package com.qleven.host.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Health, metrics and the API's description: what operators and load balancers read. The public
 * listener serves health and the description; the management listener serves health and metrics.
 */
public final class OpsEndpoints {
    static final String OPENAPI_RESOURCE = "/openapi.json";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final Status LIVE = new Status("live");
    private static final Status READY = new Status("ready");
    private final Readiness readiness;
    private final PrometheusMeterRegistry registry;
    private final byte[] openApi;

    public OpsEndpoints(Readiness readiness, PrometheusMeterRegistry registry) {
        this.readiness = readiness;
        this.registry = registry;
        this.openApi = openApiDocument();
    }

    /** The public listener's: health and the OpenAPI document. */
    public List<Route> routes() {
        return List.of(
                Route.inline("/health/live", request -> Response.ok(LIVE)),
                Route.get("/health/ready", request -> ready()),
                Route.inline("/openapi.json", request -> Response.bytes(200, "application/json", openApi)));
    }

    /**
     * The management listener's: health and the Prometheus scrape. A scrape reads values already
     * computed; gauges that need the database are refreshed in the background.
     */
    public List<Route> managementRoutes() {
        return List.of(
                Route.inline("/health/live", request -> Response.ok(LIVE)),
                Route.get("/health/ready", request -> ready()),
                Route.get("/metrics", request -> Response.bytes(200, PROMETHEUS_TEXT,
                        registry.scrape().getBytes(StandardCharsets.UTF_8))));
    }

    private Response ready() {
        boolean ready;
        try {
            ready = readiness.isReady();
        } catch (RuntimeException e) {
            ready = false;
        }
        if (!ready) {
            throw new HttpProblem(Problems.unavailable("the database or the link to the machines does not answer"));
        }
        return Response.ok(READY);
    }

    /** What the health routes answer. */
    record Status(String status) {
    }

    /** The checked-in OpenAPI document, read once: a host without it is a broken build. */
    public static byte[] openApiDocument() {
        try (InputStream in = OpsEndpoints.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the host's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
