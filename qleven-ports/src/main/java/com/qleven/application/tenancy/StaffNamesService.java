package com.qleven.application.tenancy;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.tenancy.in.StaffNames;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.Memberships;
import java.util.Optional;

/** A member's name: their membership of the center, then the account's name decrypted (nothing else of it). */
final class StaffNamesService implements StaffNames {
    private final Accounts accounts;
    private final Memberships memberships;
    private final FieldCipher cipher;

    StaffNamesService(Accounts accounts, Memberships memberships, FieldCipher cipher) {
        this.accounts = accounts;
        this.memberships = memberships;
        this.cipher = cipher;
    }

    @Override
    public Optional<String> fullName(TenantId tenant, UserId member) {
        if (memberships.find(tenant, member).isEmpty()) {
            return Optional.empty();
        }
        // The same binding AccountFields seals the name with.
        return accounts.byId(member).map(stored -> cipher.decrypt("account|fullName|" + member, stored.fullName()));
    }
}
