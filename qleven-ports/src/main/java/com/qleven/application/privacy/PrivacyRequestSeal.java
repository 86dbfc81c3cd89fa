package com.qleven.application.privacy;

import com.qleven.domain.privacy.PrivacyRequest;
import com.qleven.domain.privacy.PrivacyRequestId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.privacy.out.StoredPrivacyRequest;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import java.util.Optional;

/**
 * How a request's free texts are sealed: under a data key of the request itself, not the
 * client's, so that the record of having answered an erasure outlives the erasure (accountability,
 * GDPR Art. 5(2)) while a retention job can still shred it alone. Associated data
 * {@code privacy_request|<field>|<center>|<id>} binds each text to its place.
 */
final class PrivacyRequestSeal {
    static final String KEY_KIND = "privacy_request";

    private final FieldCipher cipher;

    PrivacyRequestSeal(FieldCipher cipher) {
        this.cipher = cipher;
    }

    StoredPrivacyRequest seal(PrivacyRequest r) {
        KeyScope scope = new KeyScope(KEY_KIND, r.id().value());
        return new StoredPrivacyRequest(r.id(), r.tenant(), r.client(), r.type(),
                r.note().map(n -> cipher.encrypt(scope, aad("note", r.tenant(), r.id()), n)).orElse(null),
                r.receivedBy(), r.receivedAt(), r.dueAt(), r.extensionMonths(),
                r.extensionReason().map(t -> cipher.encrypt(scope, aad("extensionReason", r.tenant(), r.id()), t))
                        .orElse(null),
                r.completion().map(PrivacyRequest.Completion::handler),
                r.completion().map(PrivacyRequest.Completion::at),
                r.completion().map(c -> cipher.encrypt(scope, aad("outcome", r.tenant(), r.id()), c.outcome()))
                        .orElse(null),
                r.version());
    }

    PrivacyRequest open(StoredPrivacyRequest s) {
        Optional<PrivacyRequest.Completion> completion = s.completedAt().map(at -> new PrivacyRequest.Completion(
                s.handler().orElseThrow(), at, cipher.decrypt(aad("outcome", s.tenant(), s.id()), s.outcome())));
        return new PrivacyRequest(s.id(), s.tenant(), s.client(), s.type(),
                Optional.ofNullable(s.note()).map(b -> cipher.decrypt(aad("note", s.tenant(), s.id()), b)),
                s.receivedBy(), s.receivedAt(), s.extensionMonths(),
                Optional.ofNullable(s.extensionReason())
                        .map(b -> cipher.decrypt(aad("extensionReason", s.tenant(), s.id()), b)),
                completion, s.version());
    }

    static String aad(String field, TenantId tenant, PrivacyRequestId id) {
        return KEY_KIND + "|" + field + "|" + tenant + "|" + id;
    }
}
