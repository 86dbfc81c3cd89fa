package com.qleven.domain.messaging;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One component of a template as Meta holds it: which one it is and its text (a header's or body's
 * text, a URL button's address; empty for a component with no text, such as an image header). Its
 * placeholders are the distinct {@code {{1}}}, {@code {{2}}}… (positional) or {@code {{first_name}}}
 * (named) in the text, in order of first appearance; a message gives one parameter per placeholder.
 */
public record TemplateComponent(ComponentKey key, String text) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([1-9][0-9]*|[a-z_]+)\\s*}}");

    public TemplateComponent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(text, "text");
    }

    public static TemplateComponent of(ComponentKey key, String text) {
        return new TemplateComponent(key, text);
    }

    /** How many parameters a message must give this component. */
    public int placeholders() {
        return placeholderCount(text);
    }

    private static int placeholderCount(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names.size();
    }
}
