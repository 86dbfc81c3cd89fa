package com.qleven.application.privacy;

import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.privacy.in.SuppressionCheck;
import com.qleven.ports.privacy.out.Suppressions;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;

/** Looks the address's suppression HMAC up in the center's unit of work (joining one already open). */
public final class SuppressionCheckService implements SuppressionCheck {
    private final Transactions transactions;
    private final Suppressions suppressions;
    private final FieldCipher cipher;

    public SuppressionCheckService(Transactions transactions, Suppressions suppressions, FieldCipher cipher) {
        this.transactions = transactions;
        this.suppressions = suppressions;
        this.cipher = cipher;
    }

    @Override
    public boolean isSuppressed(TenantId tenant, PhoneNumber phone) {
        Required.field(tenant, "tenant");
        Required.field(phone, "phone");
        return transactions.inTenant(tenant,
                () -> suppressions.contains(tenant, SuppressionKeys.of(cipher, tenant, phone)));
    }

    @Override
    public boolean isSuppressed(TenantId tenant, EmailAddress email) {
        Required.field(tenant, "tenant");
        Required.field(email, "email");
        return transactions.inTenant(tenant,
                () -> suppressions.contains(tenant, SuppressionKeys.of(cipher, tenant, email)));
    }
}
