package com.qleven.application.tenancy;

import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.tenancy.Account;
import com.qleven.domain.tenancy.PersonDetails;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.tenancy.out.StoredAccount;
import java.util.Optional;

/**
 * How an account's personal data is sealed: each field under the account's own data key, bound to
 * its place, and the email looked up through a global blind index.
 */
final class AccountFields {
    static final String EMAIL_INDEX = "account.email";
    private final FieldCipher cipher;

    AccountFields(FieldCipher cipher) {
        this.cipher = cipher;
    }

    BlindIndex emailIndex(EmailAddress email) {
        return cipher.blindIndex(EMAIL_INDEX, Optional.empty(), email.value());
    }

    /** The index of what someone typed at sign-in, normalised the way {@link EmailAddress} is. */
    BlindIndex emailIndex(String typed) {
        return cipher.blindIndex(EMAIL_INDEX, Optional.empty(), typed.trim().toLowerCase(java.util.Locale.ROOT));
    }

    StoredAccount seal(Account account, String passwordHash) {
        KeyScope scope = KeyScope.account(account.id().value());
        String id = account.id().toString();
        PersonDetails p = account.person();
        return new StoredAccount(account.id(),
                cipher.encrypt(scope, "account|fullName|" + id, p.fullName()),
                cipher.encrypt(scope, "account|email|" + id, p.email().value()),
                p.phone().map(ph -> cipher.encrypt(scope, "account|phone|" + id, ph.e164())).orElse(null),
                passwordHash, account.ageConfirmedAt(), account.operator(), account.createdAt());
    }

    Account open(StoredAccount stored) {
        String id = stored.id().toString();
        PersonDetails person = new PersonDetails(
                cipher.decrypt("account|fullName|" + id, stored.fullName()),
                new EmailAddress(cipher.decrypt("account|email|" + id, stored.email())),
                Optional.ofNullable(stored.phone())
                        .map(b -> new PhoneNumber(cipher.decrypt("account|phone|" + id, b))));
        return new Account(stored.id(), person, stored.ageConfirmedAt(), stored.operator(), stored.createdAt());
    }

    byte[] sealSessionField(Account account, String field, String sessionId, String value) {
        return cipher.encrypt(KeyScope.account(account.id().value()), "session|" + field + "|" + sessionId, value);
    }

    String openSessionField(String field, String sessionId, byte[] value) {
        return cipher.decrypt("session|" + field + "|" + sessionId, value);
    }
}
