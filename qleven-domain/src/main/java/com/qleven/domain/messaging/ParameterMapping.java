package com.qleven.domain.messaging;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a template's placeholders are filled: the bindings in the order of the placeholders within each
 * component as {@link TemplateComponent#placeholderNames} lists them (the first {@code body} binding
 * fills the body's first placeholder, and so on). A mapping is only built against its template
 * ({@link #against}), so every mapping held gives each component exactly as many parameters as it has
 * placeholders — a send never fails with Meta's 132000.
 */
public record ParameterMapping(List<ParameterBinding> bindings) {
    public ParameterMapping {
        bindings = List.copyOf(Objects.requireNonNull(bindings, "bindings"));
    }

    /** A template with no placeholders needs no bindings. */
    public static final ParameterMapping NONE = new ParameterMapping(List.of());

    /**
     * The bindings checked against the template's components: a binding naming a component the template
     * lacks, or one beyond that component's placeholders, is an error naming {@code parameters[i]}; a
     * component left with fewer bindings than placeholders is an error naming {@code parameters}.
     * All errors are reported at once.
     */
    public static ParameterMapping against(List<TemplateComponent> components, List<ParameterBinding> bindings) {
        Objects.requireNonNull(components, "components");
        Objects.requireNonNull(bindings, "bindings");
        Map<ComponentKey, Integer> expected = new LinkedHashMap<>();
        for (TemplateComponent c : components) {
            expected.put(c.key(), c.placeholders());
        }
        Map<ComponentKey, Integer> given = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < bindings.size(); i++) {
            ParameterBinding b = bindings.get(i);
            String field = "parameters[" + i + "]";
            if (b == null) {
                errors.add(new FieldError(field, "is required"));
                continue;
            }
            Integer placeholders = expected.get(b.component());
            if (placeholders == null) {
                errors.add(new FieldError(field + ".component", "the template has no " + b.component().wireName()
                        + " component"));
                continue;
            }
            int n = given.merge(b.component(), 1, Integer::sum);
            if (n > placeholders) {
                errors.add(new FieldError(field, "the template's " + b.component().wireName() + " has "
                        + placeholders + " placeholder(s), this is parameter " + n + " of it"));
            }
        }
        expected.forEach((key, placeholders) -> {
            int n = given.getOrDefault(key, 0);
            if (n < placeholders) {
                errors.add(new FieldError("parameters", "the template's " + key.wireName() + " has " + placeholders
                        + " placeholder(s), " + n + " mapped"));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ParameterMapping(bindings);
    }

    /**
     * The texts of one message, per component in placeholder order; empty when a source has nothing
     * for these facts (the caller records the message as not sendable rather than send a gap).
     */
    public Optional<Map<ComponentKey, List<String>>> render(MessageFacts facts) {
        Map<ComponentKey, List<String>> texts = new LinkedHashMap<>();
        for (ParameterBinding b : bindings) {
            Optional<String> text = b.source().valueIn(facts);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            texts.computeIfAbsent(b.component(), k -> new ArrayList<>()).add(text.get());
        }
        texts.replaceAll((k, v) -> List.copyOf(v));
        return Optional.of(Collections.unmodifiableMap(texts));
    }
}
