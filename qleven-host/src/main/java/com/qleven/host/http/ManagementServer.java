package com.qleven.host.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The management listener ({@code QLEVEN_MANAGEMENT_PORT} on {@code QLEVEN_MANAGEMENT_BIND},
 * loopback by default): {@code /metrics} and {@code /health/*}, kept off the public port. Small:
 * one IO thread and two workers, apart from the API's threads.
 */
public final class ManagementServer {
    private final HttpServer server;

    public ManagementServer(String bind, int port, Router router, ObjectMapper mapper, HttpMetrics metrics) {
        ApiHandler handler = new ApiHandler(router, mapper, new Cors(java.util.List.of()), metrics,
                Optional.empty());
        this.server = new HttpServer(bind, OptionalInt.of(port), Optional.empty(), 0, handler, 2, 1);
    }

    public void start() {
        server.start();
    }

    /** The port it is bound to (the real one when 0 was asked for). */
    public int port() {
        return server.httpPort();
    }

    public java.util.List<String> urls() {
        return server.urls();
    }

    public boolean stop(Duration drain) {
        return server.stop(drain);
    }
}
