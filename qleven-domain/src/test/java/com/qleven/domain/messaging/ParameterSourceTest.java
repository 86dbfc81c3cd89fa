package com.qleven.domain.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.ValidationException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What each mapped source puts in a message, and the wire names administrators use. */
class ParameterSourceTest {
    // 08:00 UTC on 30 March 2026 is 10:00 in Madrid (summer time began the day before).
    private static final Instant START = Instant.parse("2026-03-30T08:00:00Z");
    private final MessageFacts facts = MessagingFixtures.facts(START);

    @Test
    void firstNamesAreTheFirstWordOfTheFullName() {
        assertThat(ParameterSource.CLIENT_FIRST_NAME.valueIn(facts)).contains("Ana");
        assertThat(ParameterSource.CLIENT_FULL_NAME.valueIn(facts)).contains("Ana María   López");
        assertThat(ParameterSource.PROFESSIONAL_FIRST_NAME.valueIn(facts)).contains("Lucía");
        MessageFacts tabbed = new MessageFacts("Zoë\tvan Dijk", "C", ZoneId.of("UTC"), Locale.UK, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(ParameterSource.CLIENT_FIRST_NAME.valueIn(tabbed)).contains("Zoë");
    }

    @Test
    void appointmentTimesAreLocalToTheCenter() {
        assertThat(ParameterSource.APPOINTMENT_TIME.valueIn(facts)).contains("10:00");
        assertThat(ParameterSource.APPOINTMENT_DATE.valueIn(facts).orElseThrow()).contains("30").contains("2026")
                .doesNotContain("10:00");
        assertThat(ParameterSource.APPOINTMENT_START.valueIn(facts).orElseThrow()).contains("30").contains("10:00");
        // The same instant for a center in Mexico City (UTC-6, no summer time since 2022) is 02:00.
        MessageFacts mexico = new MessageFacts("Ana", "C", ZoneId.of("America/Mexico_City"),
                Locale.forLanguageTag("es-MX"), Optional.of(START), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(ParameterSource.APPOINTMENT_TIME.valueIn(mexico).orElseThrow()).endsWith("2:00").doesNotContain("10");
    }

    @Test
    void aDateCrossingMidnightTakesTheCentersDay() {
        Instant lateUtc = Instant.parse("2026-07-14T22:30:00Z"); // 00:30 on 15 July in Madrid
        assertThat(ParameterSource.APPOINTMENT_DATE.valueIn(MessagingFixtures.facts(lateUtc)).orElseThrow())
                .startsWith("15 ");
    }

    @Test
    void sourcesWithoutAnAppointmentGiveNothing() {
        MessageFacts none = new MessageFacts("Ana", "Centro Sol", ZoneId.of("UTC"), Locale.UK, Optional.empty(),
                Optional.of("  "), Optional.empty(), Optional.empty());
        for (ParameterSource s : new ParameterSource[] {ParameterSource.APPOINTMENT_START, ParameterSource.APPOINTMENT_DATE,
                ParameterSource.APPOINTMENT_TIME, ParameterSource.SERVICE_NAME, ParameterSource.PROFESSIONAL_FIRST_NAME,
                ParameterSource.MANAGE_LINK}) {
            assertThat(s.valueIn(none)).as(s.wireName()).isEmpty();
        }
        assertThat(ParameterSource.CENTER_NAME.valueIn(none)).contains("Centro Sol");
    }

    @Test
    void wireNamesAreTheContractsAndParseBack() {
        assertThat(Arrays.stream(ParameterSource.values()).map(ParameterSource::wireName)).containsExactly(
                "client.first_name", "client.full_name", "appointment.start", "appointment.date", "appointment.time",
                "service.name", "professional.first_name", "center.name", "manage_link");
        for (ParameterSource s : ParameterSource.values()) {
            assertThat(ParameterSource.parse(s.wireName(), "parameters[0].source")).isEqualTo(s);
        }
        assertThatThrownBy(() -> ParameterSource.parse("client.email", "parameters[3].source"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("parameters[3].source");
                    assertThat(e.errors().get(0).message()).contains("client.first_name").contains("manage_link");
                });
    }

    @Test
    void purposesCategoriesAndStatusesHaveTheirWireNames() {
        assertThat(Arrays.stream(MessagePurpose.values()).map(MessagePurpose::wireName)).containsExactly(
                "confirmation", "reminder", "change", "cancellation", "follow_up", "marketing", "conversation");
        assertThat(MessagePurpose.parse("follow_up")).isEqualTo(MessagePurpose.FOLLOW_UP);
        assertThat(MessagePurpose.parseTemplated("marketing")).isEqualTo(MessagePurpose.MARKETING);
        // Free text has no template: a template's purpose is never it.
        assertThatThrownBy(() -> MessagePurpose.parseTemplated("conversation"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("purpose"));
        assertThat(MessagePurpose.MARKETING.marketing()).isTrue();
        assertThat(MessagePurpose.REMINDER.marketing()).isFalse();
        assertThatThrownBy(() -> MessagePurpose.parse("FOLLOW_UP")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("purpose"));
        assertThat(TemplateCategory.parse("AUTHENTICATION")).isEqualTo(TemplateCategory.AUTHENTICATION);
        assertThatThrownBy(() -> TemplateCategory.parse("utility")).isInstanceOf(ValidationException.class);
        assertThat(TemplateStatus.parse("PAUSED")).isEqualTo(TemplateStatus.PAUSED);
        // Every status Meta reports parses (a sync never fails on one), and only APPROVED is sent.
        for (String meta : List.of("APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED", "IN_APPEAL", "FLAGGED",
                "REINSTATED", "PENDING_DELETION", "DELETED", "ARCHIVED", "UNARCHIVED", "LIMIT_EXCEEDED", "LOCKED")) {
            assertThat(TemplateStatus.parse(meta).sendable()).as(meta).isEqualTo(meta.equals("APPROVED"));
        }
        assertThatThrownBy(() -> TemplateStatus.parse("approved")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("status"));
        assertThat(Arrays.stream(TemplateStatus.values()).filter(TemplateStatus::sendable))
                .containsExactly(TemplateStatus.APPROVED);
        assertThat(MessageStatus.UNCERTAIN.wireName()).isEqualTo("uncertain");
        assertThat(SkipReason.NO_WHATSAPP_CONSENT.wireName()).isEqualTo("no_whatsapp_consent");
    }
}
