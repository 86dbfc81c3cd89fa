package com.qleven.domain.scheduling;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A center's scheduling settings, the part of {@code GET|PATCH /v1/center} this context owns: the
 * public slug of its booking pages, its locale, the slot grid, opening hours and closed days, how
 * close to an appointment a client may still cancel or reschedule, and how long a waitlist offer is
 * held. Validated as the body is, naming each bad field ({@code slotMinutes},
 * {@code openingHours.weekly[0].start}, …).
 */
public record SchedulingSettings(String slug, Locale locale, int slotMinutes, OpeningHours openingHours,
                                 int cancellationWindowHours, int waitlistOfferHoldMinutes) {
    public static final int DEFAULT_SLOT_MINUTES = 15;
    public static final int DEFAULT_CANCELLATION_WINDOW_HOURS = 24;
    public static final int DEFAULT_WAITLIST_OFFER_HOLD_MINUTES = 120;
    public static final int MAX_CANCELLATION_WINDOW_HOURS = 30 * 24;
    public static final int MIN_WAITLIST_OFFER_HOLD_MINUTES = 5;
    public static final int MAX_WAITLIST_OFFER_HOLD_MINUTES = 7 * 24 * 60;
    /** Lowercase letters, digits and inner hyphens, 3 to 63 characters: one DNS label, safe in any URL. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]");

    public SchedulingSettings {
        List<FieldError> errors = new ArrayList<>();
        if (slug == null || !SLUG.matcher(slug).matches()) {
            errors.add(new FieldError("slug",
                    "must be 3 to 63 lowercase letters, digits or hyphens, not starting or ending with a hyphen"));
        }
        if (locale == null || locale.getLanguage().isEmpty()) {
            errors.add(new FieldError("locale", "must be a language tag such as es-ES or fr-MA"));
        }
        if (!isValidGrid(slotMinutes)) {
            errors.add(new FieldError("slotMinutes", "must divide 60 or be 120, 180 or 240"));
        }
        if (openingHours == null) {
            errors.add(new FieldError("openingHours", "is required"));
        }
        if (cancellationWindowHours < 0 || cancellationWindowHours > MAX_CANCELLATION_WINDOW_HOURS) {
            errors.add(new FieldError("cancellationWindowHours", "must be 0 to " + MAX_CANCELLATION_WINDOW_HOURS));
        }
        if (waitlistOfferHoldMinutes < MIN_WAITLIST_OFFER_HOLD_MINUTES
                || waitlistOfferHoldMinutes > MAX_WAITLIST_OFFER_HOLD_MINUTES) {
            errors.add(new FieldError("waitlistOfferHoldMinutes",
                    "must be " + MIN_WAITLIST_OFFER_HOLD_MINUTES + " to " + MAX_WAITLIST_OFFER_HOLD_MINUTES));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** A new center's settings: the 15-minute grid, open whenever someone works, 24 hours, 2 hours. */
    public static SchedulingSettings defaults(String slug, Locale locale) {
        return new SchedulingSettings(slug, locale, DEFAULT_SLOT_MINUTES, OpeningHours.always(),
                DEFAULT_CANCELLATION_WINDOW_HOURS, DEFAULT_WAITLIST_OFFER_HOLD_MINUTES);
    }

    /**
     * A grid the wall clock can align to: a divisor of 60 ({@code :00, :15, …}) or whole hours up to
     * 4 that divide a day (so every day starts on the grid at midnight).
     */
    public static boolean isValidGrid(int minutes) {
        return minutes > 0 && (60 % minutes == 0 || minutes == 120 || minutes == 180 || minutes == 240);
    }

    /** A locale from a BCP 47 tag, naming {@code locale} when it is not one. */
    public static Locale parseLocale(String tag) {
        Locale locale = tag == null ? null : Locale.forLanguageTag(tag);
        if (locale == null || locale.getLanguage().isEmpty() || !locale.toLanguageTag().equalsIgnoreCase(tag)) {
            throw new ValidationException("locale", "must be a language tag such as es-ES or fr-MA");
        }
        return locale;
    }

    /**
     * A slug made from a center's name ("Clínica Sol" → {@code clinica-sol}), for a new center before
     * its administrator picks one; the caller appends a suffix when it is taken or too short.
     */
    public static String suggestSlug(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 63) {
            slug = slug.substring(0, 63).replaceAll("-+$", "");
        }
        return slug;
    }

    public Duration slot() {
        return Duration.ofMinutes(slotMinutes);
    }

    public Duration cancellationWindow() {
        return Duration.ofHours(cancellationWindowHours);
    }

    public Duration waitlistOfferHold() {
        return Duration.ofMinutes(waitlistOfferHoldMinutes);
    }

    public SchedulingSettings withSlug(String value) {
        return new SchedulingSettings(value, locale, slotMinutes, openingHours, cancellationWindowHours,
                waitlistOfferHoldMinutes);
    }

    public SchedulingSettings withSlotMinutes(int value) {
        return new SchedulingSettings(slug, locale, value, openingHours, cancellationWindowHours,
                waitlistOfferHoldMinutes);
    }

    public SchedulingSettings withOpeningHours(OpeningHours value) {
        return new SchedulingSettings(slug, locale, slotMinutes, value, cancellationWindowHours,
                waitlistOfferHoldMinutes);
    }
}
