package com.qleven.domain.messaging;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Templates and facts the messaging tests share. */
final class MessagingFixtures {
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final Locale ES = Locale.forLanguageTag("es-ES");

    private MessagingFixtures() {
    }

    static TemplateId templateId() {
        return new TemplateId(UUID.randomUUID());
    }

    /** A reminder template: body with 3 placeholders, a URL button with 1, a plain footer. */
    static List<TemplateComponent> reminderComponents() {
        return List.of(
                TemplateComponent.of(ComponentKey.HEADER, "Recordatorio"),
                TemplateComponent.of(ComponentKey.BODY, "Hola {{1}}, te esperamos el {{2}} para {{3}}."),
                TemplateComponent.of(ComponentKey.FOOTER, "Responde STOP para no recibir más"),
                TemplateComponent.of(ComponentKey.button(0), "https://q.example/m/{{1}}"));
    }

    static List<ParameterBinding> reminderBindings() {
        return List.of(
                new ParameterBinding(ComponentKey.BODY, ParameterSource.CLIENT_FIRST_NAME),
                new ParameterBinding(ComponentKey.BODY, ParameterSource.APPOINTMENT_START),
                new ParameterBinding(ComponentKey.BODY, ParameterSource.SERVICE_NAME),
                new ParameterBinding(ComponentKey.button(0), ParameterSource.MANAGE_LINK));
    }

    static WhatsAppTemplate approved(String name, String language, MessagePurpose purpose) {
        return WhatsAppTemplate.fromMeta(templateId(), name, language, TemplateCategory.UTILITY,
                        reminderComponents(), TemplateStatus.APPROVED)
                .assign(purpose, reminderBindings());
    }

    static MessageFacts facts(Instant start) {
        return new MessageFacts("  Ana María   López ", "Centro Sol", MADRID, ES, Optional.of(start),
                Optional.of("Limpieza facial"), Optional.of("Lucía Pérez"), Optional.of("abc123"));
    }
}
