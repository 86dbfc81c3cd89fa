package com.qleven.application.privacy;

import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.FieldCipher;
import java.util.Optional;

/** The keyed HMACs of suppression entries, under index keys of their own per center. */
final class SuppressionKeys {
    static final String PHONE = "suppression.phone";
    static final String EMAIL = "suppression.email";

    private SuppressionKeys() {
    }

    static BlindIndex of(FieldCipher cipher, TenantId tenant, PhoneNumber phone) {
        return cipher.blindIndex(PHONE, Optional.of(tenant), phone.e164());
    }

    static BlindIndex of(FieldCipher cipher, TenantId tenant, EmailAddress email) {
        return cipher.blindIndex(EMAIL, Optional.of(tenant), email.value());
    }
}
