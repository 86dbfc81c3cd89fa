package com.qleven.domain.messaging;

import com.qleven.domain.shared.ValidationException;
import java.util.Locale;
import java.util.Objects;

/**
 * Which component of a template a parameter fills: {@code header}, {@code body}, {@code footer}, or a
 * button by its 0-based position, {@code button.0} (Meta's {@code index}). The wire name is what a
 * parameter mapping's {@code component} says.
 */
public record ComponentKey(Type type, int index) {
    /** A template component's kind. */
    public enum Type { HEADER, BODY, FOOTER, BUTTON }

    public static final ComponentKey HEADER = new ComponentKey(Type.HEADER, 0);
    public static final ComponentKey BODY = new ComponentKey(Type.BODY, 0);
    public static final ComponentKey FOOTER = new ComponentKey(Type.FOOTER, 0);

    public ComponentKey {
        Objects.requireNonNull(type, "type");
        if (type == Type.BUTTON ? index < 0 || index > 9 : index != 0) {
            // Meta allows at most 10 buttons; only buttons have a position.
            throw new IllegalArgumentException("a button's index is 0 to 9, other components have none: " + index);
        }
    }

    public static ComponentKey button(int index) {
        return new ComponentKey(Type.BUTTON, index);
    }

    public String wireName() {
        String name = type.name().toLowerCase(Locale.ROOT);
        return type == Type.BUTTON ? name + "." + index : name;
    }

    /** The wire name, naming {@code field} when it is none. */
    public static ComponentKey parse(String wire, String field) {
        if (wire != null) {
            switch (wire) {
                case "header": return HEADER;
                case "body": return BODY;
                case "footer": return FOOTER;
                default:
                    if (wire.matches("button\\.[0-9]")) {
                        return button(wire.charAt(wire.length() - 1) - '0');
                    }
            }
        }
        throw new ValidationException(field, "must be header, body, footer or button.N (N the button's position, 0 to 9)");
    }

    @Override
    public String toString() {
        return wireName();
    }
}
