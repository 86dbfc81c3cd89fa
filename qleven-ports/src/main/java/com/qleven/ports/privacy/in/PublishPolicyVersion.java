package com.qleven.ports.privacy.in;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a version of the platform's privacy policy (operators only) and tells every account:
 * an in-platform notice and an email through the mail outbox.
 */
public interface PublishPolicyVersion {
    /**
     * @throws com.qleven.domain.shared.ValidationException naming the field out of bounds
     * @throws com.qleven.domain.shared.ConflictException when the version exists
     */
    PolicyVersionView publish(Principal principal, PublishPolicyCommand command);

    /** A version as an operator publishes it; {@link #parse} reads it as typed. */
    record PublishPolicyCommand(String version, String text, Instant effectiveAt) {
        public PublishPolicyCommand {
            Required.field(version, "version");
            Required.field(text, "text");
            Required.field(effectiveAt, "effectiveAt");
        }

        /**
         * Reads the version as typed, naming every bad member: each is required, and
         * {@code effectiveAt} must be an RFC 3339 instant with an offset. The lengths of
         * {@code version} and {@code text} are the use case's, after its permission check.
         */
        public static PublishPolicyCommand parse(String version, String text, String effectiveAt) {
            List<FieldError> errors = new ArrayList<>();
            if (version == null) {
                errors.add(new FieldError("version", "is required"));
            }
            if (text == null) {
                errors.add(new FieldError("text", "is required"));
            }
            Instant effective = null;
            if (effectiveAt == null) {
                errors.add(new FieldError("effectiveAt", "is required"));
            } else {
                try {
                    effective = OffsetDateTime.parse(effectiveAt, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError("effectiveAt", "must be an RFC 3339 instant with an offset"));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return new PublishPolicyCommand(version, text, effective);
        }
    }

    /** What was published: the text itself is not echoed, its hash is. */
    record PolicyVersionView(String version, String sha256, Instant publishedAt, Instant effectiveAt) {
    }
}
