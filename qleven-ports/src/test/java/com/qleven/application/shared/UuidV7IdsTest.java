package com.qleven.application.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7IdsTest {

    @Test
    void idsAreVersion7AndStrictlyIncreaseUnderAStoppedClock() {
        Instant at = Instant.parse("2026-11-27T10:00:00Z");
        UuidV7Ids ids = new UuidV7Ids(Clock.fixed(at, ZoneOffset.UTC));
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.next());
        }
        assertThat(made).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
        assertThat(made).isSortedAccordingTo(UUID::compareTo).doesNotHaveDuplicates();
        assertThat(made.get(0).getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }
}
