package com.qleven.application.tenancy;

import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.tenancy.Account;
import com.qleven.domain.tenancy.Membership;
import com.qleven.domain.tenancy.MembershipStatus;
import com.qleven.domain.tenancy.PersonDetails;
import com.qleven.domain.tenancy.Role;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.tenancy.in.UserView;
import com.qleven.ports.tenancy.out.TypedMember;
import java.util.Optional;

/** Builds the views of accounts that the use cases answer. */
final class Users {
    private Users() {
    }

    static UserView view(Account account, Membership membership) {
        MembershipStatus status = MembershipStatus.of(membership);
        return new UserView(account.id(), Optional.of(membership.tenantId()), membership.role(),
                account.person().fullName(), account.person().email().value(),
                account.person().phone().map(p -> p.e164()), account.ageConfirmedAt(), membership.createdAt(),
                status == MembershipStatus.ACTIVE, status);
    }

    /** A pending member: what the administrator typed, never the account's own fields. */
    static UserView view(PersonDetails typed, Membership membership) {
        return new UserView(membership.userId(), Optional.of(membership.tenantId()), membership.role(),
                typed.fullName(), typed.email().value(), typed.phone().map(p -> p.e164()), membership.createdAt(),
                membership.createdAt(), false, MembershipStatus.of(membership));
    }

    static UserView operatorView(Account account) {
        return new UserView(account.id(), Optional.empty(), Role.OPERATOR, account.person().fullName(),
                account.person().email().value(), account.person().phone().map(p -> p.e164()),
                account.ageConfirmedAt(), account.createdAt(), true);
    }

    /**
     * What an administrator typed for a pending member, sealed under a data key of the center, bound
     * to the membership's place.
     */
    static TypedMember sealTyped(FieldCipher cipher, Membership m, PersonDetails p) {
        KeyScope scope = new KeyScope("pending_member", m.tenantId().value());
        return new TypedMember(m.tenantId(), m.userId(),
                cipher.encrypt(scope, place("fullName", m), p.fullName()),
                cipher.encrypt(scope, place("email", m), p.email().value()),
                p.phone().map(ph -> cipher.encrypt(scope, place("phone", m), ph.e164())).orElse(null));
    }

    static PersonDetails openTyped(FieldCipher cipher, Membership m, TypedMember t) {
        return new PersonDetails(cipher.decrypt(place("fullName", m), t.fullName()),
                new EmailAddress(cipher.decrypt(place("email", m), t.email())),
                Optional.ofNullable(t.phone()).map(b -> new PhoneNumber(cipher.decrypt(place("phone", m), b))));
    }

    private static String place(String field, Membership m) {
        return "pending_member|" + field + "|" + m.tenantId() + "|" + m.userId();
    }
}
