package com.qleven.host.http;

import com.qleven.domain.shared.FieldError;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bad member of a request: its dotted name ({@code center.timeZone}), its JSON pointer
 * ({@code /center/timeZone}, RFC 6901) and why it is wrong. The pointer {@code ""} is the whole body.
 */
public record ProblemField(String field, String pointer, String message) {
    /** The name given to errors about the body as a whole, which has no member name. */
    public static final String BODY = "body";
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    public ProblemField {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    public static ProblemField of(FieldError error) {
        return new ProblemField(error.field(), pointer(error.field()), error.message());
    }

    public static ProblemField body(String message) {
        return new ProblemField(BODY, "", message);
    }

    /** {@code center.timeZone} to {@code /center/timeZone}; {@code items[2].name} to {@code /items/2/name}. */
    public static String pointer(String field) {
        StringBuilder pointer = new StringBuilder();
        for (String part : field.split("\\.", -1)) {
            Matcher index = INDEX.matcher(part);
            int nameEnd = index.find() ? index.start() : part.length();
            pointer.append('/').append(escape(part.substring(0, nameEnd)));
            index.reset();
            while (index.find()) {
                pointer.append('/').append(index.group(1));
            }
        }
        return pointer.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
