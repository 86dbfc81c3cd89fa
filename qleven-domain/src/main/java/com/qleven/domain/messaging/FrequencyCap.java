package com.qleven.domain.messaging;

import com.qleven.domain.shared.ValidationException;
import java.time.Duration;
import java.util.Objects;

/**
 * A center's cap on marketing per client: at most {@code maxMessages} marketing messages sent (or
 * being sent) to one client within any {@code per} window; a campaign message over the cap is skipped
 * ({@code frequency_cap}) at send time. The default is 4 per 30 days.
 */
public record FrequencyCap(int maxMessages, Duration per) {
    public static final int MAX_MESSAGES = 100;
    public static final Duration MAX_PER = Duration.ofDays(365);

    public FrequencyCap {
        Objects.requireNonNull(per, "per");
        if (maxMessages < 1 || maxMessages > MAX_MESSAGES) {
            throw new ValidationException("marketingCap.maxMessages", "must be between 1 and " + MAX_MESSAGES);
        }
        if (per.compareTo(Duration.ofDays(1)) < 0 || per.compareTo(MAX_PER) > 0 || per.toDays() * 86_400 != per.toSeconds()) {
            throw new ValidationException("marketingCap.perDays", "must be a whole number of days between 1 and 365");
        }
    }

    public static FrequencyCap standard() {
        return new FrequencyCap(4, Duration.ofDays(30));
    }

    /** Whether one more message fits when {@code alreadySent} went to the client within the window. */
    public boolean allowsAnother(long alreadySent) {
        return alreadySent < maxMessages;
    }
}
