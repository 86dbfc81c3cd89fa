package com.qleven.application.privacy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.privacy.in.SuppressionCheck;
import com.qleven.ports.shared.out.FieldCipher;

/** Looks the address's suppression HMAC up in the center's unit of work (joining one already open). */
public final class SuppressionCheckService implements SuppressionCheck {
    private final QlevenStore store;
    private final FieldCipher cipher;

    public SuppressionCheckService(QlevenStore store, FieldCipher cipher) {
        this.store = store;
        this.cipher = cipher;
    }

    @Override
    public boolean isSuppressed(TenantId tenant, PhoneNumber phone) {
        Required.field(tenant, "tenant");
        Required.field(phone, "phone");
        return store.transactions().inTenant(tenant,
                () -> store.suppressions().contains(tenant, SuppressionKeys.of(cipher, tenant, phone)));
    }

    @Override
    public boolean isSuppressed(TenantId tenant, EmailAddress email) {
        Required.field(tenant, "tenant");
        Required.field(email, "email");
        return store.transactions().inTenant(tenant,
                () -> store.suppressions().contains(tenant, SuppressionKeys.of(cipher, tenant, email)));
    }
}
