package com.qleven.domain.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConversationWindowTest {
    private static final Instant WROTE = Instant.parse("2027-03-27T22:30:00Z");

    @Test
    void aClientWhoNeverWroteHasNoWindow() {
        assertThat(ConversationWindow.never().openAt(WROTE)).isFalse();
        assertThat(ConversationWindow.never().closesAt()).isEmpty();
    }

    @Test
    void theWindowIsOpenForTwentyFourHoursAfterTheClientWroteAndNotAMomentMore() {
        ConversationWindow w = ConversationWindow.never().inbound(WROTE);
        assertThat(w.openAt(WROTE)).isTrue();
        assertThat(w.openAt(WROTE.plus(Duration.ofHours(24)).minusNanos(1000))).isTrue();
        assertThat(w.openAt(WROTE.plus(Duration.ofHours(24)))).isFalse();
        assertThat(w.openAt(WROTE.minusSeconds(1))).isFalse();
        assertThat(w.closesAt()).contains(WROTE.plus(Duration.ofHours(24)));
    }

    @Test
    void aNewerMessageRefreshesItAndALateWebhookOfAnOlderOneChangesNothing() {
        Instant later = WROTE.plus(Duration.ofHours(20));
        ConversationWindow w = ConversationWindow.never().inbound(WROTE).inbound(later);
        assertThat(w.lastInbound()).isEqualTo(Optional.of(later));
        assertThat(w.inbound(WROTE)).isEqualTo(w);
        assertThat(w.inbound(later)).isEqualTo(w);
        assertThat(w.openAt(WROTE.plus(Duration.ofHours(30)))).isTrue();
    }
}
