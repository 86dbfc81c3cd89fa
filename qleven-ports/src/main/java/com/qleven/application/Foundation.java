package com.qleven.application;

import com.qleven.application.audit.SecurityWatch;
import com.qleven.application.shared.MailQueue;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.shared.out.PhoneNumbers;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;

/**
 * What every context's facade is built from: the store and the adapters given to {@code
 * Qleven.builder()}, and the few services all contexts share (the audit trail, the mail queue, the
 * security watch). A facade takes from it the narrow ports each of its services needs; a new
 * context's facade is built from the same object and touches no other context's wiring.
 */
public record Foundation(QlevenStore store, FieldCipher cipher, PasswordHasher passwordHasher,
                         PhoneNumbers phoneNumbers, Clock clock, IdGenerator ids, AuditTrail audit,
                         SecurityWatch securityWatch, MailQueue mail, URI publicUrl) {
    public Foundation {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(passwordHasher, "passwordHasher");
        Objects.requireNonNull(phoneNumbers, "phoneNumbers");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(securityWatch, "securityWatch");
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(publicUrl, "publicUrl");
    }
}
