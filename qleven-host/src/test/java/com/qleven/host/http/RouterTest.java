package com.qleven.host.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static final Endpoint NOTHING = r -> Response.noContent();
    private final Router router = new Router(List.of(
            Route.get("/v1/users", NOTHING),
            Route.post("/v1/users", Route.Body.JSON, NOTHING),
            Route.get("/v1/users/{id}", NOTHING),
            Route.post("/v1/users/{id}/check-in", Route.Body.NONE, NOTHING)));

    @Test
    void matchesMethodAndTemplateAndBindsParameters() {
        Router.Match match = router.match("GET", "/v1/users/42");
        assertThat(match).isInstanceOf(Router.Found.class);
        assertThat(((Router.Found) match).params()).isEqualTo(Map.of("id", "42"));
        assertThat(match.template()).isEqualTo("/v1/users/{id}");
        assertThat(router.match("POST", "/v1/users/7/check-in").template()).isEqualTo("/v1/users/{id}/check-in");
    }

    @Test
    void tellsAKnownPathWithAnotherMethodFromAnUnknownPath() {
        Router.Match wrong = router.match("DELETE", "/v1/users");
        assertThat(wrong).isInstanceOf(Router.WrongMethod.class);
        assertThat(((Router.WrongMethod) wrong).allowed()).isEqualTo(Set.of("GET", "POST"));
        for (String path : List.of("/", "", "/v1", "/v1/users/", "/v1/users/1/2", "/v1//users", "/v1/users//check-in")) {
            assertThat(router.match("GET", path)).as(path).isInstanceOf(Router.Missing.class);
        }
        assertThat(router.match("GET", "/nowhere").template()).isEqualTo("unmatched");
    }

    @Test
    void refusesATableWithADuplicateOrABadTemplate() {
        assertThatThrownBy(() -> new Router(List.of(Route.get("/a", NOTHING), Route.get("/a", NOTHING))))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> Route.get("a/b", NOTHING)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Route.get("/a/{}", NOTHING)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pointersFollowRfc6901() {
        assertThat(ProblemField.pointer("center.timeZone")).isEqualTo("/center/timeZone");
        assertThat(ProblemField.pointer("items[2].name")).isEqualTo("/items/2/name");
        assertThat(ProblemField.pointer("a/b~c")).isEqualTo("/a~1b~0c");
        assertThat(ProblemField.body("x").pointer()).isEmpty();
    }

    @Test
    void onlyJsonInUtf8IsJson() {
        assertThat(ApiHandler.isJson("application/json")).isTrue();
        assertThat(ApiHandler.isJson("Application/JSON; charset=\"utf-8\"")).isTrue();
        assertThat(ApiHandler.isJson("application/merge-patch+json")).isTrue();
        assertThat(ApiHandler.isJson("application/json; charset=latin1")).isFalse();
        assertThat(ApiHandler.isJson("text/json")).isFalse();
        assertThat(ApiHandler.isJson("multipart/form-data; boundary=x")).isFalse();
    }
}
