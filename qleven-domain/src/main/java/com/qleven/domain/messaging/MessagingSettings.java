package com.qleven.domain.messaging;

import com.qleven.domain.shared.ValidationException;
import java.time.Duration;
import java.util.Objects;

/**
 * A center's messaging settings: when appointment reminders go ({@link ReminderSchedule}, 24 h and
 * 2 h before by default), how many messages per second its number may send (Meta allows 80 per
 * second counting inbound, so 40 by default leaves room for replies), and how long a message's
 * content is kept (90 days by default; its fate and ids stay for the record).
 */
public record MessagingSettings(ReminderSchedule reminders, int sendsPerSecond, Duration contentRetention) {
    public static final int MAX_SENDS_PER_SECOND = 80;
    public static final Duration MIN_RETENTION = Duration.ofDays(1);
    public static final Duration MAX_RETENTION = Duration.ofDays(3650);

    public MessagingSettings {
        Objects.requireNonNull(reminders, "reminders");
        Objects.requireNonNull(contentRetention, "contentRetention");
        if (sendsPerSecond < 1 || sendsPerSecond > MAX_SENDS_PER_SECOND) {
            throw new ValidationException("sendsPerSecond", "must be between 1 and " + MAX_SENDS_PER_SECOND);
        }
        if (contentRetention.compareTo(MIN_RETENTION) < 0 || contentRetention.compareTo(MAX_RETENTION) > 0) {
            throw new ValidationException("contentRetentionDays", "must be between 1 and 3650 days");
        }
    }

    public static MessagingSettings defaults() {
        return new MessagingSettings(ReminderSchedule.standard(), 40, Duration.ofDays(90));
    }
}
