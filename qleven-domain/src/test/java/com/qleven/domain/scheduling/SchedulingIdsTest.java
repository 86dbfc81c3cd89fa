package com.qleven.domain.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SchedulingIdsTest {
    private static final String TEXT = "0190f6a2-7c1e-7000-8000-000000000042";

    @Test
    void each_id_round_trips_through_its_text_and_compares_by_value() {
        assertThat(ServiceId.of(TEXT)).isEqualTo(new ServiceId(UUID.fromString(TEXT)));
        assertThat(RoomId.of(TEXT).toString()).isEqualTo(TEXT);
        assertThat(EquipmentId.of(TEXT).toString()).isEqualTo(TEXT);
        assertThat(AppointmentId.of(TEXT).toString()).isEqualTo(TEXT);
        assertThat(SeriesId.of(TEXT).toString()).isEqualTo(TEXT);
        assertThat(WaitlistEntryId.of(TEXT).toString()).isEqualTo(TEXT);
        assertThat(TimeOffId.of(TEXT).toString()).isEqualTo(TEXT);
        assertThat(ServiceId.of(TEXT)).isNotEqualTo(ServiceId.of(UUID.randomUUID().toString()));
    }

    @Test
    void an_id_without_a_value_or_with_a_malformed_one_is_refused() {
        assertThatThrownBy(() -> new RoomId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AppointmentId.of("not-a-uuid")).isInstanceOf(IllegalArgumentException.class);
    }
}
