package com.qleven.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresSettingsTest {
    private static final String URL = "jdbc:postgresql://db.example:5432/qleven";

    @Test
    void valid_settings_are_kept() {
        PostgresSettings s = new PostgresSettings(URL, "qleven", "owner-secret", Optional.of("qleven_pool"),
                Optional.of("pool-secret"), "derived-secret", 10);

        assertThat(s.appUser()).contains("qleven_pool");
        assertThat(s.maxPoolSize()).isEqualTo(10);
    }

    @Test
    void toString_never_shows_a_password() {
        PostgresSettings s = new PostgresSettings(URL, "qleven", "owner-secret", Optional.of("qleven_pool"),
                Optional.of("pool-secret"), "derived-secret", 10);

        assertThat(s.toString()).contains(URL, "qleven_pool")
                .doesNotContain("owner-secret", "pool-secret", "derived-secret");
    }

    @Test
    void every_problem_is_named_at_once() {
        assertThatThrownBy(() -> new PostgresSettings("postgres://x", " ", null, Optional.empty(),
                Optional.of("orphan"), "", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbcUrl")
                .hasMessageContaining("ownerUser")
                .hasMessageContaining("ownerPassword")
                .hasMessageContaining("appPassword is set without appUser")
                .hasMessageContaining("derivedAppPassword")
                .hasMessageContaining("maxPoolSize");
    }

    @Test
    void credentials_in_the_url_are_refused_since_they_would_override_the_pools_role() {
        assertThatThrownBy(() -> PostgresSettings.of(URL + "?ssl=true&user=postgres", "qleven", "", "x", 5))
                .hasMessageContaining("must not carry user or password");
        assertThatThrownBy(() -> PostgresSettings.of(URL + "?password=secret", "qleven", "", "x", 5))
                .hasMessageContaining("must not carry user or password")
                .message().doesNotContain("secret\"");
    }

    @Test
    void the_pool_cannot_log_in_as_the_owner() {
        assertThatThrownBy(() -> new PostgresSettings(URL, "qleven", "", Optional.of("qleven"), Optional.empty(),
                "x", 5)).hasMessageContaining("appUser must be a role other than ownerUser");
    }

    @Test
    void a_derived_password_is_needed_only_when_no_app_user_is_given() {
        assertThat(new PostgresSettings(URL, "qleven", "", Optional.of("pool"), Optional.empty(), "", 5).appUser())
                .contains("pool");
        assertThatThrownBy(() -> PostgresSettings.of(URL, "qleven", "", " ", 5))
                .hasMessageContaining("derivedAppPassword");
    }
}
