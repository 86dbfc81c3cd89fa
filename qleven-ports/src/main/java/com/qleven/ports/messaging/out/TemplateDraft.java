package com.qleven.ports.messaging.out;

import java.util.Objects;

/**
 * A template to submit to Meta.
 *
 * @param category MARKETING, UTILITY or AUTHENTICATION
 * @param componentsJson the components as a JSON array, in Meta's shape (passed through as given)
 */
public record TemplateDraft(String name, String language, String category, String componentsJson) {
    public TemplateDraft {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9_]{1,512}")) {
            throw new IllegalArgumentException("name is lowercase letters, digits and _");
        }
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(category, "category");
        if (!category.matches("MARKETING|UTILITY|AUTHENTICATION")) {
            throw new IllegalArgumentException("category is MARKETING, UTILITY or AUTHENTICATION");
        }
        Objects.requireNonNull(componentsJson, "componentsJson");
        if (!componentsJson.strip().startsWith("[")) {
            throw new IllegalArgumentException("componentsJson is a JSON array");
        }
    }
}
