package com.qleven.domain.messaging;

import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A WhatsApp message template in a center's registry: Meta's definition (name, language, category,
 * components), Meta's review status, and what the center made of it (a purpose and the sources of its
 * placeholders). The status comes only from Meta ({@link #withStatusFromMeta}, {@link #withDefinitionFromMeta});
 * a template submitted from here starts {@link TemplateStatus#PENDING}. A held template's mapping
 * always fits its components; only an {@link TemplateStatus#APPROVED} template is ever sent.
 *
 * <p>{@code replyActions} say what a tap on each of its quick-reply buttons (by the button's index)
 * does to the appointment the message was about ({@link ReplyAction}); every key is a quick-reply
 * button of the components. A reply is matched to its button by the title ({@link #replyAction}).
 */
public record WhatsAppTemplate(
        TemplateId id,
        String name,
        String language,
        TemplateCategory category,
        List<TemplateComponent> components,
        TemplateStatus status,
        Optional<MessagePurpose> purpose,
        ParameterMapping parameters,
        Map<Integer, ReplyAction> replyActions) {
    // Meta's rules: names are lowercase letters, digits and underscores; languages are codes like es, en_US.
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,512}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");

    public WhatsAppTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(replyActions, "replyActions");
        List<FieldError> errors = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "must be 1 to 512 lowercase letters, digits or underscores"));
        }
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            errors.add(new FieldError("language", "must be a language code such as es or en_US"));
        }
        if (category == null) {
            errors.add(new FieldError("category", "is required"));
        }
        if (components == null) {
            errors.add(new FieldError("components", "is required"));
        } else {
            components = List.copyOf(checkComponents(components, errors));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (purpose.isEmpty() && !parameters.bindings().isEmpty()) {
            throw new IllegalArgumentException("a mapping comes with a purpose");
        }
        if (purpose.isPresent()) {
            // Rechecked on every copy, so no path (a Meta update, a row read back) holds a mapping that does not fit.
            ParameterMapping.against(components, parameters.bindings());
        }
        replyActions = Collections.unmodifiableSortedMap(new TreeMap<>(checkReplyActions(components, replyActions)));
    }

    /** A template with no reply actions. */
    public WhatsAppTemplate(TemplateId id, String name, String language, TemplateCategory category,
                            List<TemplateComponent> components, TemplateStatus status, Optional<MessagePurpose> purpose,
                            ParameterMapping parameters) {
        this(id, name, language, category, components, status, purpose, parameters, Map.of());
    }

    /** Names {@code replyActions.<index>} for an index that is not one of the components' quick-reply buttons. */
    private static Map<Integer, ReplyAction> checkReplyActions(List<TemplateComponent> components,
                                                               Map<Integer, ReplyAction> actions) {
        List<FieldError> errors = new ArrayList<>();
        new TreeMap<>(actions).forEach((index, action) -> {
            boolean quickReply = index >= 0 && index <= 9 && components.stream()
                    .anyMatch(c -> c.quickReply() && c.key().equals(ComponentKey.button(index)));
            if (!quickReply) {
                errors.add(new FieldError("replyActions." + index, "must be the index of a quick-reply button"));
            } else if (action == null) {
                errors.add(new FieldError("replyActions." + index, "must be confirm or cancel"));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return actions;
    }
    private static List<TemplateComponent> checkComponents(List<TemplateComponent> components, List<FieldError> errors) {
        Set<ComponentKey> seen = new HashSet<>();
        List<TemplateComponent> kept = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            TemplateComponent c = components.get(i);
            String field = "components[" + i + "]";
            if (c == null) {
                errors.add(new FieldError(field, "is required"));
                continue;
            }
            if (!seen.add(c.key())) {
                errors.add(new FieldError(field, "a second " + c.key().wireName() + " component"));
            }
            if (c.key().type() == ComponentKey.Type.FOOTER && c.placeholders() > 0) {
                errors.add(new FieldError(field, "a footer has no placeholders"));
            }
            if (c.key().type() == ComponentKey.Type.HEADER && c.placeholders() > 1) {
                errors.add(new FieldError(field, "a header has at most one placeholder"));
            }
            kept.add(c);
        }
        if (!seen.contains(ComponentKey.BODY)) {
            errors.add(new FieldError("components", "a template has a body"));
        }
        return kept;
    }

    /** A template submitted to Meta from here: {@code PENDING}, no purpose yet. */
    public static WhatsAppTemplate submitted(TemplateId id, String name, String language, TemplateCategory category,
                                             List<TemplateComponent> components) {
        return new WhatsAppTemplate(id, name, language, category, components, TemplateStatus.PENDING,
                Optional.empty(), ParameterMapping.NONE);
    }

    /** A template as Meta lists it (a sync), not yet given a purpose. */
    public static WhatsAppTemplate fromMeta(TemplateId id, String name, String language, TemplateCategory category,
                                            List<TemplateComponent> components, TemplateStatus status) {
        return new WhatsAppTemplate(id, name, language, category, components, status, Optional.empty(),
                ParameterMapping.NONE, Map.of());
    }

    /**
     * The administrator's purpose and placeholder sources. Only an approved template is mapped (its
     * components are final); a mapping that does not fit is a validation error naming {@code parameters[i]}.
     */
    public WhatsAppTemplate assign(MessagePurpose newPurpose, List<ParameterBinding> bindings) {
        Objects.requireNonNull(newPurpose, "purpose");
        if (status != TemplateStatus.APPROVED) {
            throw new ConflictException("only an approved template is mapped; this one is " + status);
        }
        return new WhatsAppTemplate(id, name, language, category, components, status, Optional.of(newPurpose),
                ParameterMapping.against(components, bindings), replyActions);
    }

    /**
     * The administrator's purpose, placeholder sources and reply actions (a quick-reply button's index
     * to what a tap on it does); an index that is not a quick-reply button is named
     * {@code replyActions.<index>}.
     */
    public WhatsAppTemplate assign(MessagePurpose newPurpose, List<ParameterBinding> bindings,
                                   Map<Integer, ReplyAction> actions) {
        WhatsAppTemplate mapped = assign(newPurpose, bindings);
        return new WhatsAppTemplate(id, name, language, category, components, status, mapped.purpose(),
                mapped.parameters(), actions);
    }

    /** No purpose, mapping or reply actions: the template is not chosen for any message. */
    public WhatsAppTemplate unassigned() {
        return new WhatsAppTemplate(id, name, language, category, components, status, Optional.empty(),
                ParameterMapping.NONE, Map.of());
    }

    /**
     * What a reply to a message of this template asks, read from the reply's text (the title of the
     * tapped quick-reply button, which Meta sends back as it was defined; compared exactly, then
     * ignoring case and surrounding spaces): empty when it is no quick reply of this template or its
     * button has no action.
     */
    public Optional<ReplyAction> replyAction(String replyText) {
        if (replyText == null) {
            return Optional.empty();
        }
        Optional<TemplateComponent> button = components.stream()
                .filter(c -> c.replyTitle().filter(replyText::equals).isPresent()).findFirst()
                .or(() -> components.stream().filter(c -> c.replyTitle()
                        .filter(t -> t.strip().equalsIgnoreCase(replyText.strip())).isPresent()).findFirst());
        return button.map(c -> replyActions.get(c.key().index()));
    }

    /** Meta's new status (the template-status webhook); the purpose and mapping are kept. */
    public WhatsAppTemplate withStatusFromMeta(TemplateStatus newStatus) {
        return new WhatsAppTemplate(id, name, language, category, components, newStatus, purpose, parameters,
                replyActions);
    }

    /**
     * Meta's current definition (a sync). The purpose and mapping are kept while the mapping still fits
     * the components; otherwise both are dropped, so the template is not chosen until an administrator
     * maps it again (a message with the wrong parameter count would fail at Meta). The reply actions
     * are kept while every button they name is still a quick reply of the same title; otherwise all
     * are dropped (a moved button must not turn a confirmation into a cancellation).
     */
    public WhatsAppTemplate withDefinitionFromMeta(TemplateCategory newCategory, List<TemplateComponent> newComponents,
                                                   TemplateStatus newStatus) {
        boolean fits = purpose.isPresent() && newComponents != null;
        try {
            if (fits) {
                ParameterMapping.against(newComponents, parameters.bindings());
            }
        } catch (ValidationException e) {
            fits = false;
        }
        boolean sameButtons = newComponents != null && replyActions.keySet().stream().allMatch(index ->
                title(components, index).isPresent() && title(components, index).equals(title(newComponents, index)));
        return new WhatsAppTemplate(id, name, language, newCategory, newComponents, newStatus,
                fits ? purpose : Optional.empty(), fits ? parameters : ParameterMapping.NONE,
                sameButtons ? replyActions : Map.of());
    }

    private static Optional<String> title(List<TemplateComponent> components, int index) {
        return components.stream().filter(c -> c != null && c.key().equals(ComponentKey.button(index)))
                .findFirst().flatMap(TemplateComponent::replyTitle);
    }

    /** Whether a message may use it now: approved by Meta and given a purpose. */
    public boolean sendable() {
        return status.sendable() && purpose.isPresent();
    }
}
