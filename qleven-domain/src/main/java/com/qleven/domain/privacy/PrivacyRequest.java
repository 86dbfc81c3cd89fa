package com.qleven.domain.privacy;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * A client's data-subject request, received by a center. The policy promises an answer within
 * {@value #RESPONSE_DAYS} calendar days of receipt; GDPR Art. 12(3) lets the controller extend that
 * by up to {@value #MAX_EXTENSION_MONTHS} months, with reasons, only within the first period. Months
 * are counted on the UTC calendar, so every host computes the same due time.
 *
 * <p>The note, the extension's reason and the outcome may describe the person: they are plain text
 * here and sealed by the application before they are stored.
 */
public record PrivacyRequest(PrivacyRequestId id, TenantId tenant, ClientId client, PrivacyRequestType type,
                             Optional<String> note, UserId receivedBy, Instant receivedAt, int extensionMonths,
                             Optional<String> extensionReason, Optional<Completion> completion, long version) {
    public static final int RESPONSE_DAYS = 30;
    public static final int MAX_EXTENSION_MONTHS = 2;
    /** How long before the due time a request counts as due soon. */
    public static final Duration DUE_SOON = Duration.ofDays(7);
    public static final int MAX_TEXT = 2000;

    /** Who answered the request, when, and how. */
    public record Completion(UserId handler, Instant at, String outcome) {
        public Completion {
            Objects.requireNonNull(handler, "handler");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(outcome, "outcome");
        }

        @Override
        public String toString() {
            return "Completion[handler=" + handler + ", at=" + at + "]";
        }
    }

    public PrivacyRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(receivedBy, "receivedBy");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(extensionReason, "extensionReason");
        Objects.requireNonNull(completion, "completion");
        if (extensionMonths < 0 || extensionMonths > MAX_EXTENSION_MONTHS) {
            throw new IllegalArgumentException("an extension is 0 to " + MAX_EXTENSION_MONTHS + " months");
        }
        if ((extensionMonths == 0) != extensionReason.isEmpty()) {
            throw new IllegalArgumentException("an extension comes with its reason");
        }
        if (version < 1) {
            throw new IllegalArgumentException("a request's version starts at 1");
        }
    }

    /** A request received now, open, due {@value #RESPONSE_DAYS} days later. */
    public static PrivacyRequest receive(PrivacyRequestId id, TenantId tenant, ClientId client,
                                         PrivacyRequestType type, Optional<String> note, UserId receivedBy,
                                         Instant now) {
        return new PrivacyRequest(id, tenant, client, type, text("note", note), receivedBy, now, 0,
                Optional.empty(), Optional.empty(), 1);
    }

    /** The due time the policy promises, before any extension: what an extension must come before. */
    public Instant firstDueAt() {
        return receivedAt.plus(Duration.ofDays(RESPONSE_DAYS));
    }

    /** The due time now in force, extensions included. */
    public Instant dueAt() {
        return firstDueAt().atOffset(ZoneOffset.UTC).plusMonths(extensionMonths).toInstant();
    }

    public PrivacyRequestStatus status(Instant now) {
        if (completion.isPresent()) {
            return PrivacyRequestStatus.COMPLETED;
        }
        Instant due = dueAt();
        if (now.isAfter(due)) {
            return PrivacyRequestStatus.OVERDUE;
        }
        return due.isBefore(now.plus(DUE_SOON)) ? PrivacyRequestStatus.DUE_SOON : PrivacyRequestStatus.OPEN;
    }

    /**
     * Extends the due time by {@code months} more, with the reason that GDPR requires.
     *
     * @throws ConflictException when the request is already answered
     * @throws UnprocessableException naming {@code reason} when it is blank, {@code months} when
     *         it is not 1 or 2 or would take the extension past {@value #MAX_EXTENSION_MONTHS}
     *         months, and {@code dueAt} when the first due time has passed
     */
    public PrivacyRequest extend(int months, String reason, Instant now) {
        if (completion.isPresent()) {
            throw new ConflictException("the request is already completed");
        }
        if (months < 1 || months > MAX_EXTENSION_MONTHS) {
            throw new UnprocessableException("months", "must be 1 or 2");
        }
        if (extensionMonths + months > MAX_EXTENSION_MONTHS) {
            throw new UnprocessableException("months", "the extensions together may not exceed "
                    + MAX_EXTENSION_MONTHS + " months; " + extensionMonths + " already granted");
        }
        if (reason == null || reason.isBlank()) {
            throw new UnprocessableException("reason", "an extension must give its reason");
        }
        if (reason.length() > MAX_TEXT) {
            throw new UnprocessableException("reason", "at most " + MAX_TEXT + " characters");
        }
        if (now.isAfter(firstDueAt())) {
            throw new UnprocessableException("dueAt", "an extension must be recorded before the first due time, "
                    + firstDueAt());
        }
        String reasons = extensionReason.map(r -> r + "\n" + reason.strip()).orElse(reason.strip());
        return new PrivacyRequest(id, tenant, client, type, note, receivedBy, receivedAt, extensionMonths + months,
                Optional.of(reasons), completion, version + 1);
    }

    /**
     * Records the answer.
     *
     * @throws ConflictException when the request is already answered
     * @throws ValidationException naming {@code outcome} when it is blank or too long
     */
    public PrivacyRequest complete(UserId handler, String outcome, Instant now) {
        if (completion.isPresent()) {
            throw new ConflictException("the request is already completed");
        }
        if (outcome == null || outcome.isBlank()) {
            throw new ValidationException("outcome", "is required");
        }
        String answered = text("outcome", Optional.of(outcome)).orElseThrow();
        return new PrivacyRequest(id, tenant, client, type, note, receivedBy, receivedAt, extensionMonths,
                extensionReason, Optional.of(new Completion(handler, now, answered)), version + 1);
    }

    private static Optional<String> text(String field, Optional<String> value) {
        Optional<String> stripped = value.map(String::strip).filter(v -> !v.isEmpty());
        if (stripped.filter(v -> v.length() > MAX_TEXT).isPresent()) {
            throw new ValidationException(field, "at most " + MAX_TEXT + " characters");
        }
        return stripped;
    }

    @Override
    public String toString() {
        return "PrivacyRequest[id=" + id + ", type=" + type + ", version=" + version + "]";
    }
}
