package com.qleven.ports.messaging.out;

import java.util.List;
import java.util.Objects;

/**
 * The text values of one template component's placeholders, in the order of the placeholders.
 *
 * @param component which component they fill
 * @param buttonIndex the 0-based position of a URL button among the template's buttons; 0 otherwise
 * @param values the texts, at least one
 */
public record TemplateParameters(Component component, int buttonIndex, List<String> values) {
    /** The components whose placeholders a send fills. */
    public enum Component { HEADER, BODY, URL_BUTTON }

    public TemplateParameters {
        Objects.requireNonNull(component, "component");
        if (buttonIndex < 0 || (component != Component.URL_BUTTON && buttonIndex != 0)) {
            throw new IllegalArgumentException("buttonIndex is 0 or more, and 0 except for a URL button");
        }
        values = List.copyOf(values);
        if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
            // Meta refuses an empty parameter (132000/132012): better caught here than at send time.
            throw new IllegalArgumentException("a component's values are at least one, none blank");
        }
    }

    public static TemplateParameters body(List<String> values) {
        return new TemplateParameters(Component.BODY, 0, values);
    }

    public static TemplateParameters header(String value) {
        return new TemplateParameters(Component.HEADER, 0, List.of(value));
    }

    public static TemplateParameters urlButton(int index, String value) {
        return new TemplateParameters(Component.URL_BUTTON, index, List.of(value));
    }

    @Override
    public String toString() {
        return "TemplateParameters[" + component + "#" + buttonIndex + ", " + values.size() + " values]";
    }
}
