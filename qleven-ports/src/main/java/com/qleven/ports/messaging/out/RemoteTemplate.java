package com.qleven.ports.messaging.out;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A template as Meta lists it.
 *
 * @param status Meta's status as it spells it (APPROVED, PENDING, REJECTED, PAUSED, …)
 * @param components its components in order (type and text, the text holding the placeholders)
 * @param componentsJson the components exactly as Meta returned them, for the registry to keep
 */
public record RemoteTemplate(String id, String name, String language, String category, String status,
                             List<Component> components, String componentsJson) {
    public RemoteTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(status, "status");
        components = List.copyOf(components);
        Objects.requireNonNull(componentsJson, "componentsJson");
    }

    /**
     * One component: HEADER, BODY or FOOTER and its text, or one BUTTON per button of Meta's BUTTONS
     * component, in their order, its text a URL button's address ("" for other buttons or no text)
     * and, for a QUICK_REPLY button, its title ({@code replyTitle}, what a client's tap sends back).
     */
    public record Component(String type, String text, Optional<String> replyTitle) {
        public Component {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(replyTitle, "replyTitle");
        }

        /** A component that is not a quick-reply button. */
        public Component(String type, String text) {
            this(type, text, Optional.empty());
        }
    }
}
