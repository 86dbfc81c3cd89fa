package com.qleven.domain.clients;

import com.qleven.domain.shared.ValidationException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How names are compared in search: lower case, accents folded ({@code José} is {@code jose}),
 * split into parts on spaces, hyphens, apostrophes, dots and commas. A typed name matches a client
 * when every typed part is the beginning of some part of the client's name, so {@code "jo gar"}
 * finds {@code "José García-Pérez"}.
 *
 * <p>The index holds every beginning of 2 to 12 characters of each part (its tokens); a typed part
 * is looked up by its first 12 characters, so a match on the index is confirmed with
 * {@link #matches} on the decrypted name.
 */
public final class ClientNames {
    /** The shortest typed part that the index can look up. */
    public static final int MIN_TOKEN = 2;
    /** The longest token kept per part; longer typed parts are looked up by their beginning. */
    public static final int MAX_TOKEN = 12;
    /** The most characters a typed name may have. */
    public static final int MAX_TYPED = 200;

    private static final Pattern SEPARATORS =
            Pattern.compile("[\\s\\-\u2010\u2011\u2012\u2013\u2014\u2015'\u2018\u2019\u02bc`\u00b4.,]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    // Letters that carry their "accent" in the letter itself, so no decomposition removes it.
    private static final Map<String, String> LETTERS = Map.of("ß", "ss", "æ", "ae", "ø", "o", "œ", "oe",
            "ł", "l", "đ", "d", "ð", "d", "þ", "th", "ı", "i");

    private ClientNames() {
    }

    /** Lower case with accents folded, for comparing names. */
    public static String normalise(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String lower = folded.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> letter : LETTERS.entrySet()) {
            lower = lower.replace(letter.getKey(), letter.getValue());
        }
        return lower;
    }

    /** The normalised parts of a name, in order, without empty ones. */
    public static List<String> parts(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : SEPARATORS.split(normalise(name))) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** Every beginning of 2 to 12 characters of every part of the name: what the index keeps. */
    public static Set<String> tokens(String fullName) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String part : parts(fullName)) {
            int length = part.codePointCount(0, part.length());
            for (int n = MIN_TOKEN; n <= Math.min(length, MAX_TOKEN); n++) {
                tokens.add(part.substring(0, part.offsetByCodePoints(0, n)));
            }
        }
        return tokens;
    }

    /**
     * The tokens to look a typed name up by: each typed part of 2 characters or more, cut to 12.
     * Shorter parts are checked by {@link #matches} only.
     *
     * @throws ValidationException on {@code name} when no part has 2 characters, or the text is too long
     */
    public static Set<String> searchTokens(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new ValidationException("name", "is required");
        }
        if (typed.codePointCount(0, typed.length()) > MAX_TYPED) {
            throw new ValidationException("name", "must be at most " + MAX_TYPED + " characters");
        }
        if (typed.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("name", "must not contain control characters");
        }
        Set<String> tokens = new LinkedHashSet<>();
        for (String part : parts(typed)) {
            int length = part.codePointCount(0, part.length());
            if (length >= MIN_TOKEN) {
                tokens.add(part.substring(0, part.offsetByCodePoints(0, Math.min(length, MAX_TOKEN))));
            }
        }
        if (tokens.isEmpty()) {
            throw new ValidationException("name", "must have a part of at least " + MIN_TOKEN + " letters");
        }
        return tokens;
    }

    /** Whether every part of the typed name begins some part of the full name. */
    public static boolean matches(String typed, String fullName) {
        List<String> nameParts = parts(fullName);
        List<String> typedParts = parts(typed);
        return !typedParts.isEmpty()
                && typedParts.stream().allMatch(t -> nameParts.stream().anyMatch(p -> p.startsWith(t)));
    }
}
