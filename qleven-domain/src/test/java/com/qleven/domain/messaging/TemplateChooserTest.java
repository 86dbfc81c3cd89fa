package com.qleven.domain.messaging;

import static com.qleven.domain.messaging.MessagingFixtures.approved;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The approved template of a purpose in the client's language, else the center's, else none with a reason. */
class TemplateChooserTest {
    private static final Locale CENTER = Locale.forLanguageTag("es-ES");

    private static WhatsAppTemplate chosen(TemplateChoice choice) {
        assertThat(choice).isInstanceOf(TemplateChoice.Chosen.class);
        return ((TemplateChoice.Chosen) choice).template();
    }

    @Test
    void theClientsLanguageComesFirst() {
        WhatsAppTemplate es = approved("recordatorio", "es", MessagePurpose.REMINDER);
        WhatsAppTemplate en = approved("reminder", "en", MessagePurpose.REMINDER);
        WhatsAppTemplate enUs = approved("reminder_us", "en_US", MessagePurpose.REMINDER);
        List<WhatsAppTemplate> all = List.of(es, en, enUs);
        assertThat(chosen(TemplateChooser.choose(all, MessagePurpose.REMINDER, Optional.of(Locale.forLanguageTag("en-US")), CENTER)))
                .isEqualTo(enUs);
        assertThat(chosen(TemplateChooser.choose(all, MessagePurpose.REMINDER, Optional.of(Locale.forLanguageTag("en-GB")), CENTER)))
                .isEqualTo(en);
        assertThat(chosen(TemplateChooser.choose(all, MessagePurpose.REMINDER, Optional.of(Locale.ENGLISH), CENTER)))
                .isEqualTo(en);
    }

    @Test
    void elseTheCentersLocale() {
        WhatsAppTemplate es = approved("recordatorio", "es", MessagePurpose.REMINDER);
        WhatsAppTemplate ptPt = approved("lembrete", "pt_PT", MessagePurpose.REMINDER);
        // A Brazilian client gets the center's Spanish, not another country's Portuguese.
        assertThat(chosen(TemplateChooser.choose(List.of(ptPt, es), MessagePurpose.REMINDER,
                Optional.of(Locale.forLanguageTag("pt-BR")), CENTER))).isEqualTo(es);
        assertThat(chosen(TemplateChooser.choose(List.of(ptPt, es), MessagePurpose.REMINDER, Optional.empty(), CENTER)))
                .isEqualTo(es);
    }

    @Test
    void onlyApprovedTemplatesOfThePurposeAreChosen() {
        WhatsAppTemplate paused = approved("recordatorio", "es", MessagePurpose.REMINDER)
                .withStatusFromMeta(TemplateStatus.PAUSED);
        WhatsAppTemplate confirmation = approved("confirmacion", "es", MessagePurpose.CONFIRMATION);
        WhatsAppTemplate unmapped = WhatsAppTemplate.fromMeta(MessagingFixtures.templateId(), "otro", "es",
                TemplateCategory.UTILITY, MessagingFixtures.reminderComponents(), TemplateStatus.APPROVED);
        TemplateChoice choice = TemplateChooser.choose(List.of(paused, confirmation, unmapped), MessagePurpose.REMINDER,
                Optional.of(Locale.forLanguageTag("fr-FR")), CENTER);
        assertThat(choice).isEqualTo(new TemplateChoice.NoneApproved(MessagePurpose.REMINDER,
                "no approved reminder template in fr_FR or fr or es_ES or es"));
        assertThat(chosen(TemplateChooser.choose(List.of(paused, confirmation, unmapped), MessagePurpose.CONFIRMATION,
                Optional.empty(), CENTER))).isEqualTo(confirmation);
    }

    @Test
    void twoCandidatesGoToTheFirstByNameWhateverTheirOrder() {
        WhatsAppTemplate a = approved("a_recordatorio", "es", MessagePurpose.REMINDER);
        WhatsAppTemplate b = approved("b_recordatorio", "es", MessagePurpose.REMINDER);
        assertThat(chosen(TemplateChooser.choose(List.of(b, a), MessagePurpose.REMINDER, Optional.empty(), CENTER)))
                .isEqualTo(a);
        assertThat(chosen(TemplateChooser.choose(List.of(a, b), MessagePurpose.REMINDER, Optional.empty(), CENTER)))
                .isEqualTo(a);
    }
}
