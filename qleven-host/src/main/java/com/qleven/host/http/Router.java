package com.qleven.host.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The route table, and the match of a request against it: the route, or the methods the path
 * answers (405), or nothing (404). Every route the host serves is here, so the OpenAPI test can
 * compare the document with what is actually served.
 *
 * <p>The table is compiled once into a tree of path segments: a literal segment is a hash lookup,
 * a {@code {parameter}} segment a branch taken for any non-empty segment. A request walks the tree
 * once; it never scans every template. The answer is the one a scan of the table in declaration
 * order gives: the first route whose template binds the path and whose method is the request's;
 * else the methods of every route whose template binds it.
 */
public final class Router {
    private final List<Route> routes;
    private final Node root = new Node();

    public Router(List<Route> routes) {
        Set<String> seen = new HashSet<>();
        for (Route route : routes) {
            if (!seen.add(route.method() + " " + route.template())) {
                throw new IllegalArgumentException("route declared twice: " + route.method() + " " + route.template());
            }
        }
        this.routes = List.copyOf(routes);
        for (int i = 0; i < this.routes.size(); i++) {
            add(i, this.routes.get(i));
        }
    }

    public List<Route> routes() {
        return routes;
    }

    /**
     * The same table served through the core: every action route honours {@code Idempotency-Key},
     * and every gated route ({@link Route#refusingFirst}) refuses a caller without its permission
     * before anything else, the idempotency key included.
     */
    Router withCore(com.qleven.application.Qleven qleven, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        return new Router(routes.stream()
                .map(r -> r.idempotent().isPresent()
                        ? r.withEndpoint(new IdempotentEndpoint(r.endpoint(), r.idempotent().get(), this, qleven, mapper))
                        : r)
                .map(r -> r.gate().isPresent() ? r.withEndpoint(new GatedEndpoint(r.endpoint(), r.gate().get(), qleven)) : r)
                .toList());
    }

    private void add(int order, Route route) {
        String[] segments = route.segments();
        Node node = root;
        List<String> names = new ArrayList<>();
        int[] positions = new int[segments.length];
        int params = 0;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.startsWith("{")) {
                if (node.param == null) {
                    node.param = new Node();
                }
                node = node.param;
                names.add(segment.substring(1, segment.length() - 1));
                positions[params++] = i;
            } else {
                node = node.literals.computeIfAbsent(segment, s -> new Node());
            }
        }
        int[] bound = new int[params];
        System.arraycopy(positions, 0, bound, 0, params);
        node.entries.add(new Entry(order, route, names.toArray(String[]::new), bound));
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
        if (path.length() < 2 || path.charAt(0) != '/') {
            return MISSING;
        }
        String[] segments = segments(path);
        Entry found = null;
        Entry last = null;
        Set<String> allowed = null;
        // The leaves binding the path; usually one, more only where a literal and a parameter overlap.
        List<Node> leaves = new ArrayList<>(2);
        collect(root, segments, 0, leaves);
        for (Node leaf : leaves) {
            for (Entry entry : leaf.entries) {
                if (entry.route.method().equals(method)) {
                    if (found == null || entry.order < found.order) {
                        found = entry;
                    }
                } else {
                    if (allowed == null) {
                        allowed = new LinkedHashSet<>();
                    }
                    if (last == null || entry.order > last.order) {
                        last = entry;
                    }
                }
            }
        }
        if (found != null) {
            return new Found(found.route, found.bind(segments));
        }
        if (last == null) {
            return MISSING;
        }
        // In declaration order, as a scan of the table lists them.
        List<Entry> binding = new ArrayList<>();
        for (Node leaf : leaves) {
            binding.addAll(leaf.entries);
        }
        binding.sort((a, b) -> Integer.compare(a.order, b.order));
        for (Entry entry : binding) {
            allowed.add(entry.route.method());
        }
        return new WrongMethod(last.route.template(), allowed);
    }

    private static void collect(Node node, String[] segments, int at, List<Node> leaves) {
        if (at == segments.length) {
            if (!node.entries.isEmpty()) {
                leaves.add(node);
            }
            return;
        }
        String segment = segments[at];
        Node literal = node.literals.get(segment);
        if (literal != null) {
            collect(literal, segments, at + 1, leaves);
        }
        if (node.param != null && !segment.isEmpty()) {
            collect(node.param, segments, at + 1, leaves);
        }
    }

    /** The segments after the leading slash, empty ones included ({@code /a//b} has three). */
    private static String[] segments(String path) {
        int count = 1;
        for (int i = 1; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                count++;
            }
        }
        String[] segments = new String[count];
        int start = 1;
        for (int s = 0; s < count; s++) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            segments[s] = path.substring(start, end);
            start = end + 1;
        }
        return segments;
    }

    private static final Missing MISSING = new Missing();

    /** One level of the compiled table. */
    private static final class Node {
        final Map<String, Node> literals = new HashMap<>();
        Node param;
        final List<Entry> entries = new ArrayList<>(1);
    }

    /** A route at its leaf: its place in the table, and which segments bind which parameters. */
    private record Entry(int order, Route route, String[] names, int[] positions) {
        Map<String, String> bind(String[] segments) {
            if (names.length == 0) {
                return Map.of();
            }
            if (names.length == 1) {
                return Map.of(names[0], segments[positions[0]]);
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                params.put(names[i], segments[positions[i]]);
            }
            return params;
        }
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
