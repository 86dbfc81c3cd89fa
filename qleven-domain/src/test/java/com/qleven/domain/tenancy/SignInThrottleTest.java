package com.qleven.domain.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.domain.tenancy.SignInThrottle.Failures;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    private final SignInThrottle throttle = SignInThrottle.DEFAULT;
    private final Instant now = Instant.parse("2026-03-29T10:00:00Z");

    @Test
    void allowsWhileFailuresAreFew() {
        assertThat(throttle.beforeAttempt(failures(9, 60), failures(9, 60), failures(49, 60), now))
                .isInstanceOf(SignInThrottle.Allow.class);
    }

    @Test
    void refusesTheAccountAfterTenFailuresInFifteenMinutesUntilTheOldestAgesOut() {
        var decision = throttle.beforeAttempt(failures(10, 600), failures(10, 600), Failures.NONE, now);
        assertThat(decision).isEqualTo(new SignInThrottle.Refuse(Duration.ofMinutes(5)));
    }

    @Test
    void refusesAfterAHundredFailuresInAnHour() {
        var decision = throttle.beforeAttempt(failures(3, 60), failures(100, 3000), Failures.NONE, now);
        assertThat(decision).isEqualTo(new SignInThrottle.Refuse(Duration.ofMinutes(10)));
    }

    @Test
    void refusesAnAddressThatFailsAcrossManyAccounts() {
        var decision = throttle.beforeAttempt(Failures.NONE, Failures.NONE, failures(50, 60), now);
        assertThat(decision).isInstanceOf(SignInThrottle.Refuse.class);
    }

    @Test
    void slowsDownFromTheThirdFailureUpToFiveSeconds() {
        assertThat(throttle.slowDown(2)).isZero();
        assertThat(throttle.slowDown(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.slowDown(5)).isEqualTo(Duration.ofSeconds(3));
        assertThat(throttle.slowDown(40)).isEqualTo(Duration.ofSeconds(5));
    }

    private Failures failures(int count, long oldestSecondsAgo) {
        return new Failures(count, Optional.of(now.minusSeconds(oldestSecondsAgo)));
    }
}
