package com.qleven.host.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qleven.host.config.TrustedProxies;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.xnio.IoUtils;

/**
 * The one handler in front of every route. It gives each request its id and the security headers,
 * routes it, enforces the body rules (JSON only, at most 1 MiB, declared or streamed), runs the
 * endpoint on a worker thread, turns any failure into a problem, and writes one access-log line.
 */
public final class ApiHandler implements HttpHandler {
    /** The largest JSON body a route takes. */
    public static final long BODY_LIMIT = 1024 * 1024;
    /** The largest body of a {@link Route.Body#RAW} route (Meta's webhooks batch up to 1000 updates). */
    public static final long RAW_BODY_LIMIT = 8L * 1024 * 1024;
    static final String REQUEST_ID_MDC = "requestId";
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("com.qleven.host.access");
    private static final HttpString REQUEST_ID = HttpString.tryFromString("X-Request-Id");
    private static final List<Map.Entry<HttpString, String>> SECURITY_HEADERS = List.of(
            Map.entry(HttpString.tryFromString("X-Content-Type-Options"), "nosniff"),
            Map.entry(HttpString.tryFromString("X-Frame-Options"), "DENY"),
            Map.entry(HttpString.tryFromString("Referrer-Policy"), "no-referrer"),
            Map.entry(HttpString.tryFromString("Content-Security-Policy"), "default-src 'none'; frame-ancestors 'none'"),
            Map.entry(HttpString.tryFromString("Cache-Control"), "no-store"));
    private static final String HSTS = "max-age=31536000; includeSubDomains";

    private final Router router;
    private final ObjectMapper mapper;
    private final Cors cors;
    private final HttpMetrics metrics;
    private final Optional<String> countryHeader;
    private final TrustedProxies proxies;

    public ApiHandler(Router router, ObjectMapper mapper, Cors cors, HttpMetrics metrics,
                      Optional<String> countryHeader) {
        this(router, mapper, cors, metrics, countryHeader, TrustedProxies.NONE);
    }

    public ApiHandler(Router router, ObjectMapper mapper, Cors cors, HttpMetrics metrics,
                      Optional<String> countryHeader, TrustedProxies proxies) {
        this.router = router;
        this.mapper = mapper;
        this.cors = cors;
        this.metrics = metrics;
        this.countryHeader = countryHeader;
        this.proxies = proxies;
    }

    /**
     * Matches the request on the IO thread; an {@link Route#inline inline} route is answered there,
     * any other request on a worker thread, where it may block.
     */
    @Override
    public void handleRequest(HttpServerExchange exchange) {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod().toString();
        Router.Match match = router.match(method, exchange.getRequestPath());
        if (!exchange.isInIoThread()) {
            serve(exchange, method, match, started, true);
        } else if (match instanceof Router.Found found && found.route().inline()) {
            serve(exchange, method, match, started, false);
        } else {
            exchange.dispatch(() -> serve(exchange, method, match, started, true));
        }
    }

    private void serve(HttpServerExchange exchange, String method, Router.Match match, long started, boolean blocking) {
        String requestId = RequestIds.from(exchange.getRequestHeaders().getFirst(REQUEST_ID));
        exchange.addExchangeCompleteListener((done, next) -> {
            try {
                logAndMeasure(done, method, match.template(), requestId, started);
            } finally {
                next.proceed();
            }
        });
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(REQUEST_ID, requestId);
        for (Map.Entry<HttpString, String> header : SECURITY_HEADERS) {
            headers.put(header.getKey(), header.getValue());
        }
        if ("https".equalsIgnoreCase(exchange.getRequestScheme())) {
            headers.put(Headers.STRICT_TRANSPORT_SECURITY, HSTS);
        }
        if (blocking) {
            exchange.startBlocking();
        }
        MDC.put(REQUEST_ID_MDC, requestId);
        try {
            if (match instanceof Router.WrongMethod wrong && cors.preflight(exchange, wrong.allowed())) {
                exchange.endExchange();
                return;
            }
            cors.decorate(exchange);
            write(exchange, answer(exchange, match));
        } catch (Throwable failure) {
            fail(exchange, failure, requestId);
        } finally {
            MDC.remove(REQUEST_ID_MDC);
        }
    }

    private Response answer(HttpServerExchange exchange, Router.Match match) throws Exception {
        if (match instanceof Router.Missing) {
            throw Problems.notFound();
        }
        if (match instanceof Router.WrongMethod wrong) {
            throw Problems.methodNotAllowed(wrong.allowed());
        }
        Router.Found found = (Router.Found) match;
        Route route = found.route();
        if (route.body() == Route.Body.JSON && route.gate().isPresent()) {
            // Read only once the gate let the caller through (GatedEndpoint): until then nothing of the
            // body, not even its type or size, decides the answer.
            return route.endpoint().handle(new Request(exchange, mapper, () -> readJson(exchange), found.params(),
                    countryHeader, proxies));
        }
        byte[] body = switch (route.body()) {
            case JSON -> readJson(exchange);
            case RAW -> readRaw(exchange);
            case NONE -> new byte[0];
        };
        return route.endpoint().handle(new Request(exchange, mapper, body, found.params(), countryHeader, proxies));
    }

    /** The body of a JSON route, refused before reading when its declared type or size is wrong. */
    private static byte[] readJson(HttpServerExchange exchange) {
        long declared = exchange.getRequestContentLength();
        if (declared > BODY_LIMIT) {
            throw Problems.payloadTooLarge(BODY_LIMIT);
        }
        boolean chunked = exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (type == null) {
            if (declared <= 0 && !chunked) {
                throw Problems.invalid(ProblemField.body("is required"));
            }
            throw Problems.unsupportedMediaType();
        }
        if (!isJson(type)) {
            throw Problems.unsupportedMediaType();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
        byte[] buffer = new byte[8192];
        try (InputStream in = exchange.getInputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (body.size() + read > BODY_LIMIT) {
                    throw Problems.payloadTooLarge(BODY_LIMIT);
                }
                body.write(buffer, 0, read);
            }
        } catch (RequestTooBigException e) {
            throw Problems.payloadTooLarge(BODY_LIMIT);
        } catch (IOException e) {
            throw Problems.invalid(ProblemField.body("could not be read completely"));
        }
        return body.toByteArray();
    }

    /** The body of a raw route as sent, refused before reading when its declared size is over the limit. */
    private static byte[] readRaw(HttpServerExchange exchange) {
        long declared = exchange.getRequestContentLength();
        if (declared > RAW_BODY_LIMIT) {
            throw Problems.payloadTooLarge(RAW_BODY_LIMIT);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        byte[] buffer = new byte[16384];
        try (InputStream in = exchange.getInputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (body.size() + read > RAW_BODY_LIMIT) {
                    throw Problems.payloadTooLarge(RAW_BODY_LIMIT);
                }
                body.write(buffer, 0, read);
            }
        } catch (RequestTooBigException e) {
            throw Problems.payloadTooLarge(RAW_BODY_LIMIT);
        } catch (IOException e) {
            throw Problems.invalid(ProblemField.body("could not be read completely"));
        }
        return body.toByteArray();
    }

    /** {@code application/json} or a {@code +json} type, in UTF-8 if a charset is named. */
    static boolean isJson(String contentType) {
        String[] parts = contentType.split(";");
        String media = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset")) {
                String charset = parameter.length < 2 ? "" : parameter[1].strip().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8")) {
                    return false;
                }
            }
        }
        return true;
    }

    private void write(HttpServerExchange exchange, Response response) throws JsonProcessingException {
        byte[] bytes;
        String contentType;
        if (response.json() != null) {
            bytes = mapper.writeValueAsBytes(response.json());
            contentType = "application/json";
        } else if (response.raw() != null) {
            bytes = response.raw();
            contentType = response.contentType();
        } else {
            bytes = null;
            contentType = null;
        }
        exchange.setStatusCode(response.status());
        HeaderMap headers = exchange.getResponseHeaders();
        response.headers().forEach(h -> headers.add(HttpString.tryFromString(h.getKey()), h.getValue()));
        if (bytes == null) {
            exchange.endExchange();
            return;
        }
        headers.put(Headers.CONTENT_TYPE, contentType);
        headers.put(Headers.CONTENT_LENGTH, bytes.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
    }

    private void fail(HttpServerExchange exchange, Throwable failure, String requestId) {
        Problem problem = Problems.from(failure);
        if (exchange.isResponseStarted()) {
            LOG.debug("failure after the response started; closing the connection", failure);
            IoUtils.safeClose(exchange.getConnection());
            return;
        }
        if (problem.delay().isZero()) {
            writeProblem(exchange, problem, requestId);
        } else {
            holdBack(exchange, problem, requestId);
        }
    }

    /**
     * Answers after the problem's delay without keeping a worker thread: the exchange stays open,
     * a timer on its IO thread wakes up, and a worker writes the answer then.
     */
    private void holdBack(HttpServerExchange exchange, Problem problem, String requestId) {
        Runnable answer = () -> {
            MDC.put(REQUEST_ID_MDC, requestId);
            try {
                writeProblem(exchange, problem, requestId);
            } finally {
                MDC.remove(REQUEST_ID_MDC);
            }
        };
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> exchange.getIoThread().executeAfter(() -> {
            try {
                exchange.getConnection().getWorker().execute(answer);
            } catch (RejectedExecutionException shuttingDown) {
                IoUtils.safeClose(exchange.getConnection());
            }
        }, problem.delay().toMillis(), TimeUnit.MILLISECONDS));
    }

    private void writeProblem(HttpServerExchange exchange, Problem problem, String requestId) {
        try {
            byte[] bytes = mapper.writeValueAsBytes(problem.body(requestId));
            exchange.setStatusCode(problem.status());
            HeaderMap headers = exchange.getResponseHeaders();
            problem.headers().forEach((name, value) -> headers.put(HttpString.tryFromString(name), value));
            headers.put(Headers.CONTENT_TYPE, "application/problem+json");
            headers.put(Headers.CONTENT_LENGTH, bytes.length);
            exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.error("could not write a problem response", e);
            IoUtils.safeClose(exchange.getConnection());
        }
    }

    private void logAndMeasure(HttpServerExchange exchange, String method, String template, String requestId,
                               long started) {
        try {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            int status = exchange.getStatusCode();
            metrics.request(method, template, status, took);
            // The line names its request id itself, also when it completes off the request's thread;
            // the MDC's copy would make it a second member of the same JSON line.
            String inContext = MDC.get(REQUEST_ID_MDC);
            MDC.remove(REQUEST_ID_MDC);
            try {
                ACCESS.atInfo()
                        .addKeyValue("requestId", requestId)
                        .addKeyValue("method", method)
                        .addKeyValue("route", template)
                        .addKeyValue("status", status)
                        .addKeyValue("durationMs", Math.round(took.toNanos() / 100_000.0) / 10.0)
                        .log("request");
            } finally {
                if (inContext != null) {
                    MDC.put(REQUEST_ID_MDC, inContext);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("could not record the access log", e);
        }
    }
}
