package com.qleven.domain.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IncidentTest {
    private static final Instant DETECTED = Instant.parse("2026-11-02T09:30:00Z");
    private static final TenantId CENTER = new TenantId(UUID.fromString("00000000-0000-7000-8000-000000000001"));

    private static Incident incident(Instant detectedAt, Instant reportedAt) {
        return new Incident(new IncidentId(UUID.randomUUID()), detectedAt, "backup bucket was public",
                Set.of(IncidentCategory.CONTACT), List.of(CENTER), new UserId(UUID.randomUUID()), reportedAt);
    }

    @Test
    void the_authority_deadline_is_exactly_72_hours_after_detection_whenever_it_is_recorded() {
        Incident late = incident(DETECTED, DETECTED.plusSeconds(40 * 3600));

        assertThat(late.authorityDeadline()).isEqualTo(Instant.parse("2026-11-05T09:30:00Z"));
    }

    @Test
    void it_is_open_up_to_the_deadline_and_overdue_one_instant_after() {
        Incident incident = incident(DETECTED, DETECTED);

        assertThat(incident.status(incident.authorityDeadline())).isEqualTo(Incident.DeadlineStatus.OPEN);
        assertThat(incident.status(incident.authorityDeadline().plusNanos(1)))
                .isEqualTo(Incident.DeadlineStatus.OVERDUE);
    }

    @Test
    void it_cannot_be_detected_after_it_is_recorded_nor_touch_no_data_nor_name_a_center_twice() {
        assertThatThrownBy(() -> incident(DETECTED.plusSeconds(1), DETECTED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Incident(new IncidentId(UUID.randomUUID()), DETECTED, "x", Set.of(),
                List.of(CENTER), new UserId(UUID.randomUUID()), DETECTED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Incident(new IncidentId(UUID.randomUUID()), DETECTED, "x",
                Set.of(IncidentCategory.USAGE), List.of(CENTER, CENTER), new UserId(UUID.randomUUID()), DETECTED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_unknown_category_is_refused_naming_the_field() {
        assertThatThrownBy(() -> IncidentCategory.parse("categories", "shoe_size"))
                .hasMessageContaining("identity, contact, health, messages, billing, credentials, usage");
        assertThat(IncidentCategory.parse("categories", "health")).isEqualTo(IncidentCategory.HEALTH);
    }
}
