package com.qleven.ports.privacy.in;

import com.qleven.domain.shared.Required;
import com.qleven.domain.tenancy.Principal;
import java.time.Instant;

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

    /** A version as an operator publishes it. */
    record PublishPolicyCommand(String version, String text, Instant effectiveAt) {
        public PublishPolicyCommand {
            Required.field(version, "version");
            Required.field(text, "text");
            Required.field(effectiveAt, "effectiveAt");
        }
    }

    /** What was published: the text itself is not echoed, its hash is. */
    record PolicyVersionView(String version, String sha256, Instant publishedAt, Instant effectiveAt) {
    }
}
