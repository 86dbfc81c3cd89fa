package com.qleven.host.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.domain.tenancy.Permission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The compiled route table answers every request exactly as a scan of the table in declaration
 * order does (the router before it was compiled, kept here as the reference): same route, same
 * parameters, same allowed methods and template for a 405, same 404.
 */
class RouterEquivalenceTest {
    private static final Endpoint NOTHING = r -> Response.noContent();
    private static final List<Route> TABLE = List.of(
            Route.get("/health/live", NOTHING),
            Route.get("/v1/me", NOTHING),
            Route.get("/v1/clients", NOTHING),
            Route.action("/v1/clients", Route.Body.JSON, Permission.MANAGE_CLIENTS, Route.Replay.ANSWER, NOTHING),
            Route.get("/v1/clients/{id}", NOTHING),
            new Route("PATCH", "/v1/clients/{id}", Route.Body.JSON, NOTHING),
            Route.post("/v1/clients/search", Route.Body.JSON, NOTHING),
            Route.get("/v1/clients/{id}/consents", NOTHING),
            Route.action("/v1/clients/{id}/consents", Route.Body.JSON, Permission.MANAGE_CLIENTS, Route.Replay.ANSWER, NOTHING),
            Route.get("/v1/invitations/{id}", NOTHING),
            Route.post("/v1/invitations/accept", Route.Body.JSON, NOTHING),
            Route.get("/v1/invitations/accept", NOTHING),
            new Route("DELETE", "/v1/sessions/{id}", Route.Body.NONE, NOTHING),
            Route.get("/v1/sessions/{sessionId}", NOTHING),
            Route.get("/v1/sessions/{id}", NOTHING),
            Route.post("/v1/policy-versions/{version}/accept", Route.Body.NONE, NOTHING),
            Route.get("/v1/policy-versions/current", NOTHING),
            Route.get("/v1/{kind}/{id}/accept", NOTHING),
            Route.action("/v1/me/memberships/{id}/accept", Route.Body.NONE, Permission.MANAGE_CLIENTS, Route.Replay.ANSWER, NOTHING));
    private static final Router ROUTER = new Router(TABLE);

    @Property(tries = 3000)
    void answersAsAScanOfTheTableDoes(@ForAll("methods") String method, @ForAll("paths") String path) {
        Router.Match compiled = ROUTER.match(method, path);
        Router.Match scanned = scan(TABLE, method, path);
        assertThat(compiled).as(method + " " + path).isEqualTo(scanned);
    }

    @Property(tries = 200)
    void everyTemplateMatchesItself(@ForAll("filled") String path) {
        assertThat(ROUTER.match("GET", path)).isEqualTo(scan(TABLE, "GET", path));
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "POST", "PATCH", "DELETE", "PUT", "OPTIONS");
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.of("", "v1", "health", "live", "me", "clients", "search", "consents",
                "invitations", "accept", "sessions", "policy-versions", "current", "memberships", "42", "a b", "é");
        return segment.list().ofMinSize(0).ofMaxSize(6).map(s -> "/" + String.join("/", s))
                .injectDuplicates(0.1)
                .edgeCases(e -> e.add("").add("/").add("//").add("/v1/"));
    }

    @Provide
    Arbitrary<String> filled() {
        return Arbitraries.of(TABLE).map(r -> r.template().replaceAll("\\{[a-zA-Z]+}", "x9"));
    }

    /** The router as it was: every template split and compared, in declaration order. */
    static Router.Match scan(List<Route> routes, String method, String path) {
        String[] segments = path.length() > 1 && path.startsWith("/") ? path.substring(1).split("/", -1) : null;
        if (segments == null) {
            return new Router.Missing();
        }
        Set<String> allowed = new LinkedHashSet<>();
        String template = null;
        for (Route route : routes) {
            Optional<Map<String, String>> params = bind(route.template().substring(1).split("/"), segments);
            if (params.isEmpty()) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Router.Found(route, params.get());
            }
            allowed.add(route.method());
            template = route.template();
        }
        return template == null ? new Router.Missing() : new Router.WrongMethod(template, allowed);
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
}
