package com.qleven.host.http;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The route table, and the match of a request against it: the route, or the methods the path
 * answers (405), or nothing (404). Every route the host serves is here, so the OpenAPI test can
 * compare the document with what is actually served.
 */
public final class Router {
    private final List<Route> routes;

    public Router(List<Route> routes) {
        Set<String> seen = new HashSet<>();
        for (Route route : routes) {
            if (!seen.add(route.method() + " " + route.template())) {
                throw new IllegalArgumentException("route declared twice: " + route.method() + " " + route.template());
            }
        }
        this.routes = List.copyOf(routes);
    }

    public List<Route> routes() {
        return routes;
    }

    /** The same table with every action route honouring {@code Idempotency-Key} through the core. */
    Router withIdempotency(com.qleven.application.Qleven qleven, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        return new Router(routes.stream()
                .map(r -> r.idempotent().isPresent()
                        ? r.withEndpoint(new IdempotentEndpoint(r.endpoint(), r.idempotent().get(), this, qleven, mapper))
                        : r)
                .toList());
    }

    /**
     * The same routes, each authenticated one answered in one unit of work with its authentication
     * ({@link OneUnitEndpoint}), except the routes of {@code separateUnits} ("METHOD template"):
     * those that need no session, hash a password (outside any transaction) or act in other centers.
     */
    Router withOneUnitPerRequest(com.qleven.ports.tenancy.in.Authenticate authenticate, Set<String> separateUnits) {
        return new Router(routes.stream()
                .map(r -> separateUnits.contains(r.method() + " " + r.template()) ? r
                        : r.withEndpoint(new OneUnitEndpoint(r.endpoint(), authenticate)))
                .toList());
    }

    /** @param path the request path, already percent-decoded by Undertow */
    public Match match(String method, String path) {
        String[] segments = path.length() > 1 && path.startsWith("/") ? path.substring(1).split("/", -1) : null;
        if (segments == null) {
            return new Missing();
        }
        Set<String> allowed = new LinkedHashSet<>();
        String template = null;
        for (Route route : routes) {
            Optional<Map<String, String>> params = bind(route.segments(), segments);
            if (params.isEmpty()) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Found(route, params.get());
            }
            allowed.add(route.method());
            template = route.template();
        }
        return template == null ? new Missing() : new WrongMethod(template, allowed);
    }

    private static Optional<Map<String, String>> bind(String[] template, String[] path) {
        if (template.length != path.length) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{")) {
                if (path[i].isEmpty()) {
                    return Optional.empty();
                }
                params.put(t.substring(1, t.length() - 1), path[i]);
            } else if (!t.equals(path[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    /** The outcome of matching a request. */
    public sealed interface Match permits Found, WrongMethod, Missing {
        /** The template for logs and metrics; a raw path never goes there. */
        String template();
    }

    public record Found(Route route, Map<String, String> params) implements Match {
        @Override
        public String template() {
            return route.template();
        }
    }

    public record WrongMethod(String template, Set<String> allowed) implements Match {
        public WrongMethod {
            allowed = Set.copyOf(new ArrayList<>(allowed));
        }
    }

    public record Missing() implements Match {
        @Override
        public String template() {
            return "unmatched";
        }
    }
}
