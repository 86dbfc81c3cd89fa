package com.qleven.domain.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionPolicyTest {
    private final SessionPolicy policy = SessionPolicy.DEFAULT;
    private final Instant signIn = Instant.parse("2026-10-25T00:30:00Z");

    @Test
    void endsAfterThirtyIdleMinutes() {
        Instant absolute = policy.absoluteExpiry(signIn);
        assertThat(policy.isActive(signIn, absolute, signIn.plus(Duration.ofMinutes(29)))).isTrue();
        assertThat(policy.isActive(signIn, absolute, signIn.plus(Duration.ofMinutes(30)))).isFalse();
    }

    @Test
    void endsTwelveHoursAfterSignInHoweverBusy() {
        Instant absolute = policy.absoluteExpiry(signIn);
        Instant lastSeen = signIn.plus(Duration.ofHours(11).plusMinutes(59));
        assertThat(policy.expiresAt(lastSeen, absolute)).isEqualTo(signIn.plus(Duration.ofHours(12)));
        assertThat(policy.isActive(lastSeen, absolute, signIn.plus(Duration.ofHours(12)))).isFalse();
    }

    @Test
    void recordsUseAtMostOnceAMinute() {
        assertThat(policy.shouldTouch(signIn, signIn.plusSeconds(59))).isFalse();
        assertThat(policy.shouldTouch(signIn, signIn.plusSeconds(60))).isTrue();
    }
}
