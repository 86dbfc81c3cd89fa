package com.qleven.domain.messaging;

import java.util.Objects;

/** The template a message uses, or why there is none (recorded on the message as its skip reason). */
public sealed interface TemplateChoice {
    /** The approved, mapped template of the purpose in the best language available. */
    record Chosen(WhatsAppTemplate template) implements TemplateChoice {
        public Chosen {
            Objects.requireNonNull(template, "template");
        }
    }

    /** No approved template of the purpose in the client's language or the center's; the reason says which. */
    record NoneApproved(MessagePurpose purpose, String reason) implements TemplateChoice {
        public NoneApproved {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
