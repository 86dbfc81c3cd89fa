package com.qleven.domain.messaging;

import com.qleven.domain.shared.ValidationException;
import java.util.Arrays;

/** Meta's template categories; the wire name is Meta's own upper-case name ({@code UTILITY}). */
public enum TemplateCategory {
    MARKETING,
    UTILITY,
    AUTHENTICATION;

    /** Meta's name, naming {@code category} when it is none of these. */
    public static TemplateCategory parse(String wire) {
        return Arrays.stream(values()).filter(c -> c.name().equals(wire)).findFirst()
                .orElseThrow(() -> new ValidationException("category",
                        "must be one of MARKETING, UTILITY, AUTHENTICATION"));
    }
}
