package com.qleven.ports.shared.out;

import com.qleven.domain.shared.EmailAddress;
import java.util.Objects;

/**
 * One plain-text email to one person. The subject is a single line, so nothing a caller puts in it
 * can add a header; the text is limited to what a notification needs.
 */
public record MailMessage(EmailAddress to, String subject, String text) {
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_TEXT = 64 * 1024;

    public MailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        if (subject.isBlank() || subject.length() > MAX_SUBJECT || subject.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a subject is one line of at most " + MAX_SUBJECT + " characters");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a mail text is at most " + MAX_TEXT + " characters");
        }
    }

    @Override
    public String toString() {
        return "MailMessage[redacted]";
    }
}
