package com.qleven.host.http;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.net.ssl.SSLContext;

/**
 * The Undertow listeners: plain HTTP, and HTTPS when a certificate is configured. With a
 * certificate the plain listener serves nothing: it answers every request with a redirect to
 * HTTPS ({@link HttpsRedirect}), and it can be switched off. Stopping is graceful: new requests
 * are refused with 503 while the ones in flight finish, up to a deadline.
 */
public final class HttpServer {
    // Bodies past the route limit are read and discarded up to here so that the client still gets
    // its 413 on a usable connection; past it the connection is closed.
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;
    private final String bind;
    private final OptionalInt httpPort;
    private final Optional<SSLContext> tls;
    private final int httpsPort;
    private final int workerThreads;
    private final int ioThreads;
    private final GracefulShutdownHandler graceful;
    private Undertow undertow;

    public HttpServer(String bind, int httpPort, Optional<SSLContext> tls, int httpsPort, HttpHandler handler) {
        this(bind, OptionalInt.of(httpPort), tls, httpsPort, handler, 0, 0);
    }

    /** @param workerThreads the blocking handlers' threads; 0 keeps Undertow's default (8 per IO thread) */
    HttpServer(String bind, int httpPort, Optional<SSLContext> tls, int httpsPort, HttpHandler handler,
               int workerThreads) {
        this(bind, OptionalInt.of(httpPort), tls, httpsPort, handler, workerThreads, 0);
    }

    /**
     * @param httpPort the plain listener's port; empty for none (only with {@code tls})
     * @param ioThreads Undertow's IO threads; 0 keeps its default (one per core)
     */
    public HttpServer(String bind, OptionalInt httpPort, Optional<SSLContext> tls, int httpsPort, HttpHandler handler,
                      int workerThreads, int ioThreads) {
        if (httpPort.isEmpty() && tls.isEmpty()) {
            throw new IllegalArgumentException("a server needs a plain or a TLS listener");
        }
        this.bind = bind;
        this.httpPort = httpPort;
        this.tls = tls;
        this.httpsPort = httpsPort;
        this.graceful = new GracefulShutdownHandler(handler);
        this.workerThreads = workerThreads;
        this.ioThreads = ioThreads;
    }

    public synchronized void start() {
        if (undertow != null) {
            throw new IllegalStateException("already started");
        }
        Undertow.Builder builder = Undertow.builder()
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, DRAIN_LIMIT)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, 30_000)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 120_000)
                .setHandler(graceful);
        if (workerThreads > 0) {
            builder.setWorkerThreads(workerThreads);
        }
        if (ioThreads > 0) {
            builder.setIoThreads(ioThreads);
        }
        if (httpPort.isPresent() && tls.isPresent()) {
            // Plain HTTP next to HTTPS only sends clients over: nothing it carries reaches the API.
            builder.addListener(new Undertow.ListenerBuilder().setType(Undertow.ListenerType.HTTP)
                    .setPort(httpPort.getAsInt()).setHost(bind)
                    .setRootHandler(new HttpsRedirect(() -> httpsPort().orElse(httpsPort))));
        } else if (httpPort.isPresent()) {
            builder.addHttpListener(httpPort.getAsInt(), bind);
        }
        tls.ifPresent(context -> builder.addHttpsListener(httpsPort, bind, context));
        Undertow server = builder.build();
        server.start();
        undertow = server;
    }

    /** The port the HTTP listener is bound to (the real one when 0 was asked for). */
    public int httpPort() {
        return plainPort().orElseThrow(() -> new IllegalStateException("not started or no plain listener"));
    }

    /** The plain listener's port; empty before the start or when it is switched off. */
    public OptionalInt plainPort() {
        return port("http");
    }

    public OptionalInt httpsPort() {
        return port("https");
    }

    /** The protocols of the listeners running, for tests and the start-up line. */
    public List<String> listeners() {
        Undertow server;
        synchronized (this) {
            server = undertow;
        }
        return server == null ? List.of() : server.getListenerInfo().stream().map(l -> l.getProtcol()).toList();
    }

    /** The URLs the host answers on, for the start-up line. */
    public List<String> urls() {
        List<String> urls = new ArrayList<>();
        String host = bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
        plainPort().ifPresent(p -> urls.add("http://" + host + ":" + p));
        httpsPort().ifPresent(p -> urls.add("https://" + host + ":" + p));
        return urls;
    }

    /**
     * Stops accepting requests, lets those in flight finish for up to {@code drain}, then closes the
     * listeners. Returns false when requests were still running at the deadline.
     */
    public synchronized boolean stop(Duration drain) {
        if (undertow == null) {
            return true;
        }
        graceful.shutdown();
        boolean drained;
        try {
            drained = graceful.awaitShutdown(drain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drained = false;
        }
        undertow.stop();
        undertow = null;
        return drained;
    }

    private OptionalInt port(String protocol) {
        Undertow server;
        synchronized (this) {
            server = undertow;
        }
        if (server == null) {
            return OptionalInt.empty();
        }
        return server.getListenerInfo().stream()
                .filter(l -> l.getProtcol().equals(protocol))
                .map(l -> l.getAddress())
                .filter(a -> a instanceof InetSocketAddress)
                .mapToInt(a -> ((InetSocketAddress) a).getPort())
                .findFirst();
    }
}
