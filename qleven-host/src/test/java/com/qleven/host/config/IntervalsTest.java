package com.qleven.host.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.host.WaitlistSweepJob;
import com.qleven.host.audit.AuditSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntervalsTest {
    private static final Duration FALLBACK = Duration.ofSeconds(30);

    private static Duration read(String value, List<String> problems) {
        return Intervals.every(value == null ? Map.of() : Map.of("QLEVEN_X_EVERY", value), "QLEVEN_X_EVERY",
                FALLBACK, "30s", problems);
    }

    @Test
    void an_interval_is_read_in_its_unit_within_bounds() {
        List<String> problems = new ArrayList<>();
        assertThat(read(null, problems)).isEqualTo(FALLBACK);
        assertThat(read("  ", problems)).isEqualTo(FALLBACK);
        assertThat(read("250ms", problems)).isEqualTo(Duration.ofMillis(250));
        assertThat(read(" 45s ", problems)).isEqualTo(Duration.ofSeconds(45));
        assertThat(read("5m", problems)).isEqualTo(Duration.ofMinutes(5));
        assertThat(read("1h", problems)).isEqualTo(Duration.ofHours(1));
        assertThat(problems).isEmpty();
    }

    @Test
    void a_bad_interval_names_its_variable_and_keeps_the_default() {
        for (String bad : List.of("99ms", "2h", "61m", "0s", "30", "30 s", "1d", "-5s", "abc")) {
            List<String> problems = new ArrayList<>();
            assertThat(read(bad, problems)).as(bad).isEqualTo(FALLBACK);
            assertThat(problems).as(bad).singleElement().asString()
                    .startsWith("QLEVEN_X_EVERY must be an interval from 100ms to 1h such as 30s")
                    .endsWith("got '" + bad.strip() + "'");
        }
    }

    @Test
    void the_jobs_refuse_to_start_on_a_bad_interval() {
        assertThat(WaitlistSweepJob.every(Map.of())).isEqualTo(Duration.ofSeconds(30));
        assertThat(WaitlistSweepJob.every(Map.of(WaitlistSweepJob.EVERY, "200ms"))).isEqualTo(Duration.ofMillis(200));
        assertThatThrownBy(() -> WaitlistSweepJob.every(Map.of(WaitlistSweepJob.EVERY, "2h")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(WaitlistSweepJob.EVERY);
        assertThat(AuditSettings.fromEnvironment(Map.of(AuditSettings.SEAL_EVERY, "500ms")).sealEvery())
                .isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> AuditSettings.fromEnvironment(Map.of(AuditSettings.SEAL_EVERY, "0ms")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(AuditSettings.SEAL_EVERY);
    }
}
