package com.qleven.domain.messaging;

import static com.qleven.domain.messaging.MessagingFixtures.reminderBindings;
import static com.qleven.domain.messaging.MessagingFixtures.reminderComponents;
import static com.qleven.domain.messaging.MessagingFixtures.templateId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Templates as Meta holds them, and the mapping of their placeholders an administrator gives. */
class WhatsAppTemplateTest {

    @Test
    void placeholdersAreTheDistinctPositionalOrNamedOnes() {
        assertThat(TemplateComponent.of(ComponentKey.BODY, "Hola {{1}}, el {{2}} a las {{3}}").placeholders()).isEqualTo(3);
        assertThat(TemplateComponent.of(ComponentKey.BODY, "{{1}} y otra vez {{1}}").placeholders()).isEqualTo(1);
        assertThat(TemplateComponent.of(ComponentKey.BODY, "Hi {{first_name}}, see you {{ when }}").placeholders()).isEqualTo(2);
        assertThat(TemplateComponent.of(ComponentKey.BODY, "No placeholders, {single} braces, {{}} empty").placeholders()).isZero();
        assertThat(TemplateComponent.of(ComponentKey.HEADER, "").placeholders()).isZero();
        assertThat(TemplateComponent.of(ComponentKey.BODY, "Hi {{first_name}}, {{ when }} at {{first_name}}'s")
                .placeholderNames()).containsExactly("first_name", "when");
        // Meta fills positional placeholders by number, wherever they stand.
        assertThat(TemplateComponent.of(ComponentKey.BODY, "{{2}} then {{10}} then {{1}}").placeholderNames())
                .containsExactly("1", "2", "10");
    }

    @Test
    void aSubmittedTemplateStartsPendingWithoutPurposeAndIsNotSendable() {
        WhatsAppTemplate t = WhatsAppTemplate.submitted(templateId(), "recordatorio_cita", "es",
                TemplateCategory.UTILITY, reminderComponents());
        assertThat(t.status()).isEqualTo(TemplateStatus.PENDING);
        assertThat(t.purpose()).isEmpty();
        assertThat(t.sendable()).isFalse();
    }

    @Test
    void badDefinitionsNameEveryFieldAtOnce() {
        assertThatThrownBy(() -> WhatsAppTemplate.submitted(templateId(), "Recordatorio Cita", "spanish", null,
                List.of(TemplateComponent.of(ComponentKey.HEADER, "{{1}} {{2}}"),
                        TemplateComponent.of(ComponentKey.FOOTER, "Hola {{1}}"),
                        TemplateComponent.of(ComponentKey.HEADER, "again"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("name", "language", "category", "components[0]", "components[1]",
                                "components[2]", "components"));
    }

    @Test
    void languageCodesAreMetas() {
        for (String ok : List.of("es", "en_US", "pt_BR", "fil")) {
            assertThat(WhatsAppTemplate.submitted(templateId(), "t", ok, TemplateCategory.UTILITY, reminderComponents())
                    .language()).isEqualTo(ok);
        }
        for (String bad : List.of("es-ES", "ES", "en_us", "", "e")) {
            assertThatThrownBy(() -> WhatsAppTemplate.submitted(templateId(), "t", bad, TemplateCategory.UTILITY,
                    reminderComponents())).isInstanceOf(ValidationException.class).hasMessageContaining("language");
        }
    }

    @Test
    void anApprovedTemplateIsMappedAndThenSendable() {
        WhatsAppTemplate t = MessagingFixtures.approved("recordatorio", "es", MessagePurpose.REMINDER);
        assertThat(t.sendable()).isTrue();
        assertThat(t.purpose()).contains(MessagePurpose.REMINDER);
        assertThat(t.parameters().bindings()).isEqualTo(reminderBindings());
    }

    @Test
    void onlyAnApprovedTemplateIsMapped() {
        WhatsAppTemplate pending = WhatsAppTemplate.submitted(templateId(), "t", "es", TemplateCategory.UTILITY,
                reminderComponents());
        assertThatThrownBy(() -> pending.assign(MessagePurpose.REMINDER, reminderBindings()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aMappingThatDoesNotFitNamesTheParameters() {
        WhatsAppTemplate t = WhatsAppTemplate.fromMeta(templateId(), "t", "es", TemplateCategory.UTILITY,
                reminderComponents(), TemplateStatus.APPROVED);
        List<ParameterBinding> bindings = List.of(
                new ParameterBinding(ComponentKey.BODY, ParameterSource.CLIENT_FIRST_NAME),
                new ParameterBinding(ComponentKey.FOOTER, ParameterSource.CENTER_NAME),
                new ParameterBinding(ComponentKey.button(1), ParameterSource.MANAGE_LINK),
                new ParameterBinding(ComponentKey.BODY, ParameterSource.SERVICE_NAME),
                new ParameterBinding(ComponentKey.BODY, ParameterSource.SERVICE_NAME),
                new ParameterBinding(ComponentKey.BODY, ParameterSource.CENTER_NAME));
        assertThatThrownBy(() -> t.assign(MessagePurpose.REMINDER, bindings))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        // the footer has 0 placeholders, button 1 does not exist, the 4th body one is one too
                        // many, and button 0's placeholder is left unmapped
                        .containsExactly("parameters[1]", "parameters[2].component", "parameters[5]", "parameters"));
        assertThatThrownBy(() -> t.assign(MessagePurpose.REMINDER, List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::message)
                        .containsExactly("the template's body has 3 placeholder(s), 0 mapped",
                                "the template's button.0 has 1 placeholder(s), 0 mapped"));
    }

    @Test
    void metasStatusChangesKeepTheMapping() {
        WhatsAppTemplate t = MessagingFixtures.approved("t", "es", MessagePurpose.REMINDER);
        WhatsAppTemplate paused = t.withStatusFromMeta(TemplateStatus.PAUSED);
        assertThat(paused.sendable()).isFalse();
        assertThat(paused.withStatusFromMeta(TemplateStatus.APPROVED)).isEqualTo(t);
    }

    @Test
    void aNewDefinitionFromMetaDropsAMappingThatNoLongerFits() {
        WhatsAppTemplate t = MessagingFixtures.approved("t", "es", MessagePurpose.REMINDER);
        WhatsAppTemplate sameShape = t.withDefinitionFromMeta(TemplateCategory.MARKETING, reminderComponents(),
                TemplateStatus.APPROVED);
        assertThat(sameShape.purpose()).contains(MessagePurpose.REMINDER);
        assertThat(sameShape.category()).isEqualTo(TemplateCategory.MARKETING);

        WhatsAppTemplate changed = t.withDefinitionFromMeta(TemplateCategory.UTILITY,
                List.of(TemplateComponent.of(ComponentKey.BODY, "Hola {{1}}")), TemplateStatus.APPROVED);
        assertThat(changed.purpose()).isEmpty();
        assertThat(changed.parameters()).isEqualTo(ParameterMapping.NONE);
        assertThat(changed.sendable()).isFalse();
    }

    @Test
    void aRowReadBackWithAMappingThatDoesNotFitIsRefused() {
        assertThatThrownBy(() -> new WhatsAppTemplate(templateId(), "t", "es", TemplateCategory.UTILITY,
                List.of(TemplateComponent.of(ComponentKey.BODY, "Hola")), TemplateStatus.APPROVED,
                Optional.of(MessagePurpose.REMINDER), new ParameterMapping(reminderBindings())))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void renderingGivesEachComponentItsTextsInPlaceholderOrder() {
        WhatsAppTemplate t = MessagingFixtures.approved("t", "es", MessagePurpose.REMINDER);
        Map<ComponentKey, List<String>> texts = t.parameters()
                .render(MessagingFixtures.facts(Instant.parse("2026-03-30T08:00:00Z"))).orElseThrow();
        assertThat(texts.keySet()).containsExactly(ComponentKey.BODY, ComponentKey.button(0));
        assertThat(texts.get(ComponentKey.BODY)).hasSize(3);
        assertThat(texts.get(ComponentKey.BODY).get(0)).isEqualTo("Ana");
        assertThat(texts.get(ComponentKey.BODY).get(1)).contains("30").contains("2026").endsWith("10:00");
        assertThat(texts.get(ComponentKey.BODY).get(2)).isEqualTo("Limpieza facial");
        assertThat(texts.get(ComponentKey.button(0))).containsExactly("abc123");
    }

    @Test
    void aTemplateWithoutPlaceholdersIsMappedWithNoParameters() {
        WhatsAppTemplate plain = WhatsAppTemplate.fromMeta(templateId(), "gracias", "es", TemplateCategory.UTILITY,
                List.of(TemplateComponent.of(ComponentKey.BODY, "¡Gracias por tu visita!")), TemplateStatus.APPROVED)
                .assign(MessagePurpose.FOLLOW_UP, List.of());
        assertThat(plain.sendable()).isTrue();
        assertThat(plain.parameters().render(MessagingFixtures.facts(Instant.parse("2026-03-30T08:00:00Z"))))
                .contains(Map.of());
    }

    @Test
    void aSourceWithNothingForTheMessageRendersNothing() {
        WhatsAppTemplate t = MessagingFixtures.approved("t", "es", MessagePurpose.REMINDER);
        MessageFacts marketing = new MessageFacts("Ana", "Centro Sol", MessagingFixtures.MADRID, MessagingFixtures.ES,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(t.parameters().render(marketing)).isEmpty();
    }

    @Test
    void componentKeysParseFromTheirWireNames() {
        assertThat(ComponentKey.parse("body", "parameters[0].component")).isEqualTo(ComponentKey.BODY);
        assertThat(ComponentKey.parse("header", "f")).isEqualTo(ComponentKey.HEADER);
        assertThat(ComponentKey.parse("button.3", "f")).isEqualTo(ComponentKey.button(3));
        assertThat(ComponentKey.button(3).wireName()).isEqualTo("button.3");
        for (String bad : new String[] {"BODY", "button", "button.10", "button.-1", "", null}) {
            assertThatThrownBy(() -> ComponentKey.parse(bad, "parameters[2].component"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).field())
                            .isEqualTo("parameters[2].component"));
        }
    }
}
