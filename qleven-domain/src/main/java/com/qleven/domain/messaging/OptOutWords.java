package com.qleven.domain.messaging;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a client's reply means for their consent, read from the whole message (a "stop" inside a
 * sentence, "don't stop my reminders", is not an opt-out). A full stop — STOP, ARRET/ARRÊT, BAJA,
 * توقف, or one of the center's own words — withdraws WhatsApp consent and marketing with it; "stop
 * promotions" (and its French and Spanish forms) withdraws marketing only. Meta offers no STOP
 * keyword of its own (shared/whatsapp-cloud-api.md, "Opt-out"), so the platform reads replies itself.
 *
 * <p>A reply is compared after folding case, removing accents and the Arabic short vowels and
 * tatweel, and dropping punctuation, emoji and surrounding spaces: "Stop!", " stop. " and "Arrêt" all
 * count, and so does the same word said several times ("STOP STOP"); "stopped" does not.
 */
public record OptOutWords(Set<String> fullStop, Set<String> marketingStop) {
    /** At most this many words of a center's own, each at most {@link #MAX_LENGTH} characters. */
    public static final int MAX_OWN_WORDS = 20;
    public static final int MAX_LENGTH = 40;
    private static final Set<String> FULL = Set.of("stop", "arret", "baja", "توقف", "stop all", "unsubscribe",
            "desuscribir", "darse de baja", "stop whatsapp");
    private static final Set<String> MARKETING = Set.of("stop promotions", "stop promos", "stop promo",
            "stop marketing", "arret promotions", "arret promos", "stop pub", "baja promociones",
            "stop promociones", "sin promociones");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** What a reply asks. */
    public enum Meaning {
        /** Withdraw WhatsApp consent and marketing with it. */
        STOP_ALL,
        /** Withdraw marketing only. */
        STOP_MARKETING,
        /** Nothing about consent. */
        NONE
    }

    public OptOutWords {
        fullStop = Set.copyOf(fullStop);
        marketingStop = Set.copyOf(marketingStop);
    }

    /** The platform's words in Spanish, French, English and Arabic. */
    public static OptOutWords standard() {
        return new OptOutWords(FULL, MARKETING);
    }

    /**
     * The standard words plus a center's own full-stop words (its language's or its clients' habits).
     *
     * @throws ValidationException naming {@code optOutWords[i]} for each blank, too long or wordless entry,
     *     or {@code optOutWords} for too many
     */
    public static OptOutWords withCenterWords(List<String> own) {
        Objects.requireNonNull(own, "own");
        if (own.size() > MAX_OWN_WORDS) {
            throw new ValidationException("optOutWords", "at most " + MAX_OWN_WORDS + " words");
        }
        Set<String> full = new LinkedHashSet<>(FULL);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            String word = own.get(i);
            String folded = word == null ? "" : fold(word);
            if (folded.isEmpty() || word.length() > MAX_LENGTH) {
                errors.add(new FieldError("optOutWords[" + i + "]",
                        "must hold a letter or a digit and be at most " + MAX_LENGTH + " characters"));
            }
            full.add(folded);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new OptOutWords(full, MARKETING);
    }

    /** What the whole reply asks; a reply with no text (a reaction, an image) asks nothing. */
    public Meaning meaningOf(Optional<String> reply) {
        Objects.requireNonNull(reply, "reply");
        if (reply.isEmpty()) {
            return Meaning.NONE;
        }
        String folded = fold(reply.get());
        // "STOP STOP STOP" says it louder, not otherwise.
        java.util.List<String> distinct = java.util.Arrays.stream(folded.split(" ")).distinct().toList();
        if (distinct.size() == 1) {
            folded = distinct.get(0);
        }
        if (marketingStop.contains(folded)) {
            return Meaning.STOP_MARKETING;
        }
        return fullStop.contains(folded) ? Meaning.STOP_ALL : Meaning.NONE;
    }

    /** Case folded, accents and Arabic diacritics and tatweel removed, words joined by one space. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String noMarks = MARKS.matcher(decomposed).replaceAll("").replace("\u0640", "");
        return NOT_WORD.matcher(noMarks.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
