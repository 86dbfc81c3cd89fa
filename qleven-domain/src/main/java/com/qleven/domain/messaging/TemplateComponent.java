package com.qleven.domain.messaging;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One component of a template as Meta holds it: which one it is and its text (a header's or body's
 * text, a URL button's address; empty for a component with no text, such as an image header). Its
 * placeholders are the distinct {@code {{1}}}, {@code {{2}}}… (positional) or {@code {{first_name}}}
 * (named) in the text ({@link #placeholderNames}); a message gives one parameter per placeholder.
 * A quick-reply button has no text but its title ({@code replyTitle}, what the client taps and what
 * Meta sends back as the reply's text); no other component has one.
 */
public record TemplateComponent(ComponentKey key, String text, Optional<String> replyTitle) {
    /** Meta's limit on a button's title. */
    public static final int MAX_REPLY_TITLE = 25;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([1-9][0-9]*|[a-z_]+)\\s*}}");

    public TemplateComponent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(replyTitle, "replyTitle");
        if (replyTitle.isPresent()) {
            if (key.type() != ComponentKey.Type.BUTTON || !text.isEmpty()) {
                throw new IllegalArgumentException("only a quick-reply button has a title, and no text");
            }
            if (replyTitle.get().isBlank() || replyTitle.get().length() > MAX_REPLY_TITLE) {
                throw new IllegalArgumentException("a quick reply's title is 1 to " + MAX_REPLY_TITLE + " characters");
            }
        }
    }

    /** A component that is not a quick-reply button. */
    public TemplateComponent(ComponentKey key, String text) {
        this(key, text, Optional.empty());
    }

    public static TemplateComponent of(ComponentKey key, String text) {
        return new TemplateComponent(key, text);
    }

    /** The quick-reply button at {@code index} (Meta's 0-based position among the buttons) titled {@code title}. */
    public static TemplateComponent quickReply(int index, String title) {
        return new TemplateComponent(ComponentKey.button(index), "", Optional.of(title));
    }

    /** Whether this is a quick-reply button. */
    public boolean quickReply() {
        return replyTitle.isPresent();
    }

    /** How many parameters a message must give this component. */
    public int placeholders() {
        return placeholderNames().size();
    }

    /**
     * The placeholders' names in the order the mapping's bindings follow: positional ones by number
     * ({@code {{1}}}, {@code {{2}}}…, as Meta fills them, wherever they stand in the text), named ones
     * ({@code first_name}…) by first appearance; a NAMED template's send gives each parameter its
     * {@code parameter_name} from here.
     */
    public List<String> placeholderNames() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        if (!names.isEmpty() && names.stream().allMatch(n -> Character.isDigit(n.charAt(0)))) {
            return names.stream().sorted(Comparator.comparingInt(Integer::parseInt)).toList();
        }
        return List.copyOf(names);
    }
}
