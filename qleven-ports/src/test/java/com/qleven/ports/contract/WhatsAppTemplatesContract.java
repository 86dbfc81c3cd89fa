package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.messaging.ComponentKey;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.ParameterBinding;
import com.qleven.domain.messaging.ParameterSource;
import com.qleven.domain.messaging.ReplyAction;
import com.qleven.domain.messaging.TemplateCategory;
import com.qleven.domain.messaging.TemplateComponent;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.messaging.TemplateStatus;
import com.qleven.domain.messaging.WhatsAppTemplate;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.ports.messaging.out.WhatsAppTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@code WhatsAppTemplates} promises: a template read back exactly (components in order,
 * purpose and mapping), unique by name and language within a center, listed by name then language
 * in byte order with a cursor, only approved templates with a purpose offered for sending, statuses
 * set by name and language, and nothing of another center ever seen.
 */
public abstract class WhatsAppTemplatesContract {

    protected abstract QlevenStore store();

    private WhatsAppTemplates templates() {
        return store().messaging().templates();
    }

    private <T> T in(TenantId tenant, Supplier<T> work) {
        return store().shared().transactions().inTenant(tenant, work);
    }

    private void save(TenantId tenant, WhatsAppTemplate template) {
        in(tenant, () -> {
            templates().save(tenant, template, T0);
            return null;
        });
    }

    private static TemplateId newId() {
        return new TemplateId(UUID.randomUUID());
    }

    private static final List<TemplateComponent> COMPONENTS = List.of(
            TemplateComponent.of(ComponentKey.HEADER, "Cita en {{1}}"),
            TemplateComponent.of(ComponentKey.BODY, "Hola {{1}}, te esperamos el {{2}}."),
            TemplateComponent.of(ComponentKey.FOOTER, "Responde STOP para no recibir más"),
            TemplateComponent.of(ComponentKey.button(0), "https://q.example/m/{{1}}"));

    private static WhatsAppTemplate approved(String name, String language) {
        return WhatsAppTemplate.fromMeta(newId(), name, language, TemplateCategory.UTILITY, COMPONENTS,
                TemplateStatus.APPROVED);
    }

    private static WhatsAppTemplate mapped(WhatsAppTemplate t, MessagePurpose purpose) {
        return t.assign(purpose, List.of(
                new ParameterBinding(ComponentKey.HEADER, ParameterSource.CENTER_NAME),
                new ParameterBinding(ComponentKey.BODY, ParameterSource.CLIENT_FIRST_NAME),
                new ParameterBinding(ComponentKey.BODY, ParameterSource.APPOINTMENT_START),
                new ParameterBinding(ComponentKey.button(0), ParameterSource.MANAGE_LINK)));
    }

    @Test
    void aTemplateIsReadBackExactlyByIdAndByNameOnlyInItsCenter() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        addCenter(store(), tenant);
        addCenter(store(), other);
        WhatsAppTemplate t = mapped(approved("appointment_confirmation", "es"), MessagePurpose.CONFIRMATION);

        save(tenant, t);

        assertThat(in(tenant, () -> templates().find(tenant, t.id()))).contains(t);
        assertThat(in(tenant, () -> templates().findByName(tenant, t.name(), "es"))).contains(t);
        assertThat(in(tenant, () -> templates().findByName(tenant, t.name(), "en_US"))).isEmpty();
        assertThat(in(other, () -> templates().find(tenant, t.id()))).isEmpty();
        assertThat(in(other, () -> templates().find(other, t.id()))).isEmpty();
        assertThat(in(other, () -> templates().findByName(other, t.name(), "es"))).isEmpty();
        assertThat(in(other, () -> templates().list(other, PageRequest.first())).items()).isEmpty();
    }

    @Test
    void savingAgainReplacesByIdAndASecondTemplateOfTheSameNameAndLanguageIsAConflict() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        addCenter(store(), tenant);
        addCenter(store(), other);
        WhatsAppTemplate t = WhatsAppTemplate.submitted(newId(), "spring_offer", "fr", TemplateCategory.MARKETING,
                List.of(TemplateComponent.of(ComponentKey.BODY, "Bonjour {{1}}")));
        save(tenant, t);
        WhatsAppTemplate approvedNow = t.withDefinitionFromMeta(TemplateCategory.MARKETING,
                List.of(TemplateComponent.of(ComponentKey.BODY, "Bonjour {{1}} !")), TemplateStatus.APPROVED);

        save(tenant, approvedNow);

        assertThat(in(tenant, () -> templates().find(tenant, t.id()))).contains(approvedNow);
        assertThatThrownBy(() -> save(tenant, approved("spring_offer", "fr"))).isInstanceOf(ConflictException.class);
        assertThat(in(tenant, () -> templates().list(tenant, PageRequest.first())).items()).containsExactly(approvedNow);
        // The same name and language in another center is another template.
        save(other, approved("spring_offer", "fr"));
    }

    @Test
    void theListGoesByNameThenLanguageInByteOrderAcrossPages() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        List<WhatsAppTemplate> all = List.of(approved("reminder", "es"), approved("reminder", "ar"),
                approved("reminder_2h", "es"), approved("a_first", "en_US"), approved("reminder", "en"),
                approved("zz", "fr"), approved("b9", "es"));
        all.forEach(t -> save(tenant, t));

        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Optional<String> after = cursor;
            Page<WhatsAppTemplate> page = in(tenant, () -> templates().list(tenant, new PageRequest(3, after)));
            assertThat(page.items().size()).isLessThanOrEqualTo(3);
            page.items().forEach(t -> seen.add(t.name() + "/" + t.language()));
            cursor = page.next();
        } while (cursor.isPresent());

        assertThat(seen).containsExactly("a_first/en_US", "b9/es", "reminder/ar", "reminder/en", "reminder/es",
                "reminder_2h/es", "zz/fr");
        assertThatThrownBy(() -> in(tenant, () -> templates().list(tenant, new PageRequest(3, Optional.of("%%")))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void onlyApprovedTemplatesGivenAPurposeAreOfferedForSending() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        WhatsAppTemplate es = mapped(approved("reminder_es", "es"), MessagePurpose.REMINDER);
        WhatsAppTemplate ar = mapped(approved("reminder_ar", "ar"), MessagePurpose.REMINDER);
        WhatsAppTemplate paused = mapped(approved("reminder_old", "es"), MessagePurpose.REMINDER)
                .withStatusFromMeta(TemplateStatus.PAUSED);
        WhatsAppTemplate unmapped = approved("reminder_new", "es");
        WhatsAppTemplate confirmation = mapped(approved("confirm", "es"), MessagePurpose.CONFIRMATION);
        List.of(es, ar, paused, unmapped, confirmation).forEach(t -> save(tenant, t));

        assertThat(in(tenant, () -> templates().sendableFor(tenant, MessagePurpose.REMINDER)))
                .containsExactlyInAnyOrder(es, ar);
        assertThat(in(tenant, () -> templates().sendableFor(tenant, MessagePurpose.MARKETING))).isEmpty();
    }

    @Test
    void aStatusFromMetaIsSetByNameAndLanguageKeepingTheMapping() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        addCenter(store(), tenant);
        addCenter(store(), other);
        WhatsAppTemplate t = mapped(approved("reminder", "es"), MessagePurpose.REMINDER);
        save(tenant, t);
        var later = T0.plusSeconds(90);

        assertThat(in(tenant, () -> templates().updateStatus(tenant, "reminder", "es", TemplateStatus.PAUSED, later)))
                .isTrue();
        assertThat(in(tenant, () -> templates().updateStatus(tenant, "reminder", "fr", TemplateStatus.PAUSED, later)))
                .isFalse();
        assertThat(in(other, () -> templates().updateStatus(other, "reminder", "es", TemplateStatus.REJECTED, later)))
                .isFalse();

        WhatsAppTemplate read = in(tenant, () -> templates().find(tenant, t.id())).orElseThrow();
        assertThat(read).isEqualTo(t.withStatusFromMeta(TemplateStatus.PAUSED));
        assertThat(read.purpose()).contains(MessagePurpose.REMINDER);
        assertThat(in(tenant, () -> templates().sendableFor(tenant, MessagePurpose.REMINDER))).isEmpty();
        for (TemplateStatus status : TemplateStatus.values()) {
            assertThat(in(tenant, () -> templates().updateStatus(tenant, "reminder", "es", status, later))).isTrue();
            assertThat(in(tenant, () -> templates().find(tenant, t.id())).orElseThrow().status()).isEqualTo(status);
        }
    }

    @Test
    void quickReplyTitlesAndReplyActionsAreReadBackAndReplacedWithTheMapping() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        List<TemplateComponent> components = List.of(
                TemplateComponent.of(ComponentKey.BODY, "Hola {{1}}, ¿vienes el {{2}}?"),
                TemplateComponent.quickReply(0, "Confirmar"),
                TemplateComponent.of(ComponentKey.button(1), "https://q.example/m/{{1}}"),
                TemplateComponent.quickReply(2, "Cancelar cita"));
        WhatsAppTemplate t = WhatsAppTemplate.fromMeta(newId(), "reminder_buttons", "es", TemplateCategory.UTILITY,
                components, TemplateStatus.APPROVED).assign(MessagePurpose.REMINDER, List.of(
                        new ParameterBinding(ComponentKey.BODY, ParameterSource.CLIENT_FIRST_NAME),
                        new ParameterBinding(ComponentKey.BODY, ParameterSource.APPOINTMENT_START),
                        new ParameterBinding(ComponentKey.button(1), ParameterSource.MANAGE_LINK)),
                java.util.Map.of(2, ReplyAction.CANCEL, 0, ReplyAction.CONFIRM));

        save(tenant, t);

        WhatsAppTemplate back = in(tenant, () -> templates().find(tenant, t.id())).orElseThrow();
        assertThat(back).isEqualTo(t);
        assertThat(back.components().get(1).replyTitle()).contains("Confirmar");
        assertThat(back.components().get(2).replyTitle()).isEmpty();
        assertThat(back.replyActions()).containsExactly(java.util.Map.entry(0, ReplyAction.CONFIRM),
                java.util.Map.entry(2, ReplyAction.CANCEL));
        assertThat(in(tenant, () -> templates().sendableFor(tenant, MessagePurpose.REMINDER))).containsExactly(t);

        WhatsAppTemplate none = t.unassigned();
        save(tenant, none);
        assertThat(in(tenant, () -> templates().find(tenant, t.id())).orElseThrow().replyActions()).isEmpty();
        assertThat(in(tenant, () -> templates().find(tenant, t.id())).orElseThrow().components()).isEqualTo(components);
    }
}
