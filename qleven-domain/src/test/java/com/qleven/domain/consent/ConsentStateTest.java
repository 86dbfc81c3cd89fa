package com.qleven.domain.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The current state derived from the ledger, and what an entry refuses to be. */
class ConsentStateTest {
    private static final TenantId TENANT = new TenantId(UUID.randomUUID());
    private static final ClientId CLIENT = new ClientId(UUID.randomUUID());
    private static final Instant T0 = Instant.parse("2026-03-29T08:00:00Z");
    private static final ConsentNotice NOTICE = ConsentNotice.shown("version", "v1", "text", "We will write to you.");

    private static ConsentEntry entry(ConsentPurpose purpose, ConsentDecision decision, int minute) {
        return new ConsentEntry(new ConsentEntryId(UUID.randomUUID()), TENANT, CLIENT, purpose, decision,
                ConsentChannel.IN_PERSON, NOTICE, Optional.of("signed form 12"),
                Optional.of(new UserId(UUID.randomUUID())), T0.plusSeconds(60L * minute), true);
    }

    @Test
    void noEntryMeansNotGranted() {
        ConsentState state = ConsentState.of(List.of());
        assertThat(state.granted(ConsentPurpose.WHATSAPP)).isFalse();
        assertThat(state.current(List.of(ConsentPurpose.WHATSAPP, ConsentPurpose.MARKETING)))
                .containsExactly(Map.entry(ConsentPurpose.WHATSAPP, false), Map.entry(ConsentPurpose.MARKETING, false));
    }

    @Test
    void theLatestEntryOfEachPurposeWins() {
        List<ConsentEntry> history = new ArrayList<>(List.of(
                entry(ConsentPurpose.WHATSAPP, ConsentDecision.GRANTED, 0),
                entry(ConsentPurpose.MARKETING, ConsentDecision.GRANTED, 1),
                entry(ConsentPurpose.WHATSAPP, ConsentDecision.WITHDRAWN, 2),
                entry(ConsentPurpose.WHATSAPP, ConsentDecision.GRANTED, 3),
                entry(ConsentPurpose.MARKETING, ConsentDecision.WITHDRAWN, 4)));
        ConsentState state = ConsentState.of(history);
        assertThat(state.granted(ConsentPurpose.WHATSAPP)).isTrue();
        assertThat(state.granted(ConsentPurpose.MARKETING)).isFalse();
        assertThat(state.latest(ConsentPurpose.MARKETING)).contains(history.get(4));

        history.add(entry(ConsentPurpose.WHATSAPP, ConsentDecision.REFUSED, 5));
        assertThat(ConsentState.of(history).granted(ConsentPurpose.WHATSAPP)).isFalse();
    }

    @Test
    void aCentersOwnPurposeAppearsAfterTheBuiltInOnes() {
        ConsentPurpose newsletter = ConsentPurpose.parse("purpose", "spa_newsletter");
        ConsentState state = ConsentState.of(List.of(entry(newsletter, ConsentDecision.GRANTED, 0)));
        assertThat(state.current(List.of(ConsentPurpose.WHATSAPP, ConsentPurpose.MARKETING)))
                .containsExactly(Map.entry(ConsentPurpose.WHATSAPP, false), Map.entry(ConsentPurpose.MARKETING, false),
                        Map.entry(newsletter, true));
    }

    @Test
    void purposesAreLowercaseSnakeCaseCodes() {
        for (String bad : new String[] {"Marketing", "sms-reminders", "_x", "x__y", "1st", "x".repeat(41), " "}) {
            assertThatThrownBy(() -> ConsentPurpose.parse("purpose", bad)).as(bad)
                    .isInstanceOf(ValidationException.class).hasMessageStartingWith("purpose:");
        }
        assertThat(ConsentPurpose.parse("purpose", "marketing")).isEqualTo(ConsentPurpose.MARKETING);
        assertThat(ConsentPurpose.parse("purpose", "birthday_offers_2").code()).isEqualTo("birthday_offers_2");
    }

    @Test
    void decisionsAndChannelsAreReadFromTheirWireNamesOnly() {
        assertThat(ConsentDecision.parse("decision", "withdrawn")).isEqualTo(ConsentDecision.WITHDRAWN);
        assertThatThrownBy(() -> ConsentDecision.parse("decision", "GRANTED"))
                .hasMessage("decision: must be one of granted, refused, withdrawn");
        assertThat(ConsentChannel.parse("channel", "online_booking")).isEqualTo(ConsentChannel.ONLINE_BOOKING);
        assertThatThrownBy(() -> ConsentChannel.parse("channel", "fax")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("in_person, web_form, whatsapp_reply, api, online_booking");
        assertThat(ConsentChannel.WHATSAPP_REPLY.staffMayRecord()).isFalse();
        assertThat(ConsentChannel.API.staffMayRecord()).isTrue();
    }

    @Test
    void theNoticeHashIsTheSha256OfTheExactText() {
        // echo -n 'abc' | sha256sum
        assertThat(ConsentNotice.shown("v", "2026-01", "t", "abc").textSha256())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ConsentNotice.shown("v", "2026-01", "t", "abc ").textSha256())
                .isNotEqualTo(ConsentNotice.shown("v", "2026-01", "t", "abc").textSha256());
        assertThatThrownBy(() -> ConsentNotice.shown("textVersion", " ", "text", null))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors())
                        .extracting(f -> f.field()).containsExactly("textVersion", "text"));
    }

    @Test
    void aWhatsAppReplyHasNoStaffRecorderAndAProofIsNeverBlank() {
        assertThatThrownBy(() -> new ConsentEntry(new ConsentEntryId(UUID.randomUUID()), TENANT, CLIENT,
                ConsentPurpose.WHATSAPP, ConsentDecision.WITHDRAWN, ConsentChannel.WHATSAPP_REPLY, NOTICE,
                Optional.of("STOP"), Optional.of(new UserId(UUID.randomUUID())), T0, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConsentEntry(new ConsentEntryId(UUID.randomUUID()), TENANT, CLIENT,
                ConsentPurpose.WHATSAPP, ConsentDecision.GRANTED, ConsentChannel.IN_PERSON, NOTICE,
                Optional.of("  "), Optional.empty(), T0, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
