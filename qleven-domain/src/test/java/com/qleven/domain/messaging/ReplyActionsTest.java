package com.qleven.domain.messaging;

import static com.qleven.domain.messaging.MessagingFixtures.reminderBindings;
import static com.qleven.domain.messaging.MessagingFixtures.templateId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A template's quick-reply buttons and what an administrator says a tap on each does. */
class ReplyActionsTest {
    /** The reminder's components with two quick replies after its URL button. */
    private static List<TemplateComponent> withButtons(String confirm, String cancel) {
        List<TemplateComponent> components = new ArrayList<>(MessagingFixtures.reminderComponents());
        components.add(TemplateComponent.quickReply(1, confirm));
        components.add(TemplateComponent.quickReply(2, cancel));
        return components;
    }

    private static WhatsAppTemplate approved(List<TemplateComponent> components) {
        return WhatsAppTemplate.fromMeta(templateId(), "reminder", "es", TemplateCategory.UTILITY, components,
                TemplateStatus.APPROVED);
    }

    private static final Map<Integer, ReplyAction> ACTIONS = Map.of(1, ReplyAction.CONFIRM, 2, ReplyAction.CANCEL);

    @Test
    void aReplyIsMatchedToItsButtonByTitle() {
        WhatsAppTemplate t = approved(withButtons("Confirmar", "Cancelar"))
                .assign(MessagePurpose.REMINDER, reminderBindings(), ACTIONS);
        assertThat(t.replyAction("Confirmar")).contains(ReplyAction.CONFIRM);
        assertThat(t.replyAction("Cancelar")).contains(ReplyAction.CANCEL);
        assertThat(t.replyAction(" cancelar ")).contains(ReplyAction.CANCEL);
        assertThat(t.replyAction("Cancelar la cita")).isEmpty();
        assertThat(t.replyAction("confirm")).as("an id is not a title").isEmpty();
        assertThat(t.replyAction(null)).isEmpty();
        // A quick reply without an action asks nothing.
        WhatsAppTemplate onlyCancel = approved(withButtons("Sí", "No"))
                .assign(MessagePurpose.REMINDER, reminderBindings(), Map.of(2, ReplyAction.CANCEL));
        assertThat(onlyCancel.replyAction("Sí")).isEmpty();
        assertThat(onlyCancel.replyAction("No")).contains(ReplyAction.CANCEL);
    }

    @Test
    void onlyAQuickReplyButtonTakesAnActionEachBadIndexNamed() {
        WhatsAppTemplate t = approved(withButtons("Confirmar", "Cancelar"));
        assertThatThrownBy(() -> t.assign(MessagePurpose.REMINDER, reminderBindings(),
                Map.of(0, ReplyAction.CONFIRM, 2, ReplyAction.CANCEL, 7, ReplyAction.CANCEL)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("replyActions.0", "replyActions.7"));
    }

    @Test
    void aQuickReplyHasATitleOfAtMost25CharactersAndNoText() {
        assertThat(TemplateComponent.quickReply(0, "Confirmar").quickReply()).isTrue();
        assertThat(TemplateComponent.of(ComponentKey.button(0), "").quickReply()).isFalse();
        assertThatThrownBy(() -> TemplateComponent.quickReply(0, "x".repeat(26)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TemplateComponent(ComponentKey.BODY, "", Optional.of("Sí")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusesKeepTheActionsAndADefinitionKeepsThemOnlyWhileTheButtonsStayTheSame() {
        WhatsAppTemplate t = approved(withButtons("Confirmar", "Cancelar"))
                .assign(MessagePurpose.REMINDER, reminderBindings(), ACTIONS);
        assertThat(t.withStatusFromMeta(TemplateStatus.PAUSED).replyActions()).isEqualTo(ACTIONS);
        assertThat(t.withDefinitionFromMeta(TemplateCategory.UTILITY, withButtons("Confirmar", "Cancelar"),
                TemplateStatus.APPROVED).replyActions()).isEqualTo(ACTIONS);
        // The buttons swapped: a tap on "Cancelar" must never confirm, so every action goes.
        WhatsAppTemplate swapped = t.withDefinitionFromMeta(TemplateCategory.UTILITY,
                withButtons("Cancelar", "Confirmar"), TemplateStatus.APPROVED);
        assertThat(swapped.replyActions()).isEmpty();
        assertThat(swapped.replyAction("Cancelar")).isEmpty();
        assertThat(t.unassigned().replyActions()).isEmpty();
        assertThat(t.unassigned().purpose()).isEmpty();
    }

    @Test
    void anInteractiveReplyIdIsAnActionOnlyWhenItIsExactlyOne() {
        assertThat(ReplyAction.ofReplyId("confirm")).contains(ReplyAction.CONFIRM);
        assertThat(ReplyAction.ofReplyId("cancel")).contains(ReplyAction.CANCEL);
        assertThat(ReplyAction.ofReplyId("CANCEL")).isEmpty();
        assertThat(ReplyAction.ofReplyId("cancel_all")).isEmpty();
        assertThatThrownBy(() -> ReplyAction.parse("delete", "replyActions.1"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("replyActions.1"));
    }
}
