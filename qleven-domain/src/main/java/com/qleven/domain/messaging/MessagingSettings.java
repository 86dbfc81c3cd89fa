package com.qleven.domain.messaging;

import com.qleven.domain.shared.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A center's messaging settings: when appointment reminders go ({@link ReminderSchedule}, 24 h and
 * 2 h before by default), how many messages per second its number may send (Meta allows 80 per
 * second counting inbound, so 40 by default leaves room for replies), how long a message's content is
 * kept (90 days by default; its fate and ids stay for the record), the center's own STOP words (on top
 * of the platform's, see {@link OptOutWords}; none by default) and the cap on marketing per client
 * ({@link FrequencyCap#standard()}, 4 per 30 days, by default).
 *
 * <p>The center's words are kept as the administrator wrote them; they are validated (and compared)
 * folded, as {@link OptOutWords#withCenterWords} folds them.
 */
public record MessagingSettings(ReminderSchedule reminders, int sendsPerSecond, Duration contentRetention,
                                List<String> optOutWords, FrequencyCap marketingCap) {
    public static final int MAX_SENDS_PER_SECOND = 80;
    public static final Duration MIN_RETENTION = Duration.ofDays(1);
    public static final Duration MAX_RETENTION = Duration.ofDays(3650);

    /**
     * @throws ValidationException naming {@code sendsPerSecond}, {@code contentRetentionDays},
     *     {@code optOutWords} or {@code optOutWords[i]}
     */
    public MessagingSettings {
        Objects.requireNonNull(reminders, "reminders");
        Objects.requireNonNull(contentRetention, "contentRetention");
        Objects.requireNonNull(optOutWords, "optOutWords");
        Objects.requireNonNull(marketingCap, "marketingCap");
        if (sendsPerSecond < 1 || sendsPerSecond > MAX_SENDS_PER_SECOND) {
            throw new ValidationException("sendsPerSecond", "must be between 1 and " + MAX_SENDS_PER_SECOND);
        }
        if (contentRetention.compareTo(MIN_RETENTION) < 0 || contentRetention.compareTo(MAX_RETENTION) > 0) {
            throw new ValidationException("contentRetentionDays", "must be between 1 and 3650 days");
        }
        // Validates every word (blank, too long, wordless, too many) before it is kept; a null entry is
        // named like any other invalid one.
        List<String> words = new ArrayList<>(optOutWords);
        OptOutWords.withCenterWords(words);
        optOutWords = List.copyOf(words);
    }

    /** The given reminders, rate and retention, with no words of the center's own and the standard cap. */
    public MessagingSettings(ReminderSchedule reminders, int sendsPerSecond, Duration contentRetention) {
        this(reminders, sendsPerSecond, contentRetention, List.of(), FrequencyCap.standard());
    }

    public static MessagingSettings defaults() {
        return new MessagingSettings(ReminderSchedule.standard(), 40, Duration.ofDays(90));
    }

    /** The platform's STOP words and the center's own: what a client's reply is read against. */
    public OptOutWords stopWords() {
        return OptOutWords.withCenterWords(optOutWords);
    }
}
