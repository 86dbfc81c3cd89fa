package com.qleven.application.consent;

import com.qleven.domain.consent.ConsentEntry;
import com.qleven.domain.consent.ConsentEntryId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.consent.out.StoredConsent;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import java.util.Optional;

/**
 * How a consent entry is stored: the proof (which may name the person, quote a message or describe
 * a signed form) encrypted under the client's own data key, so that erasing the client shreds it
 * too, bound to its entry by {@code consent|proof|<center>|<entry>}. The decision record is clear.
 */
final class ConsentSeal {
    /** The clients context's key kind: one data key per client covers every context's data about them. */
    static final String KEY_KIND = "client";

    private final FieldCipher cipher;

    ConsentSeal(FieldCipher cipher) {
        this.cipher = cipher;
    }

    StoredConsent seal(ConsentEntry e) {
        KeyScope scope = new KeyScope(KEY_KIND, e.client().value());
        byte[] proof = e.proof().map(p -> cipher.encrypt(scope, aad(e.tenant(), e.id()), p)).orElse(null);
        return new StoredConsent(e.id(), e.tenant(), e.client(), e.purpose(), e.decision(), e.channel(), e.notice(),
                proof, e.recordedBy(), e.recordedAt(), e.ageVerified());
    }

    ConsentEntry open(StoredConsent s) {
        Optional<String> proof = Optional.ofNullable(s.proof()).map(b -> cipher.decrypt(aad(s.tenant(), s.id()), b));
        return new ConsentEntry(s.id(), s.tenant(), s.client(), s.purpose(), s.decision(), s.channel(), s.notice(),
                proof, s.recordedBy(), s.recordedAt(), s.ageVerified());
    }

    static String aad(TenantId tenant, ConsentEntryId id) {
        return "consent|proof|" + tenant + "|" + id;
    }
}
