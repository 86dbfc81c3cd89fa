package com.qleven.application.tenancy;

import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Invitation;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.tenancy.in.InvitationView;
import com.qleven.ports.tenancy.out.StoredInvitation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How an invitation's email is sealed: encrypted under a data key of the invitation, bound to its
 * place, and indexed per center so that a newer invitation of the same person finds the older ones.
 */
final class InvitationFields {
    static final String EMAIL_INDEX = "invitation.email";
    static final String PURPOSE = "account_management";
    private final FieldCipher cipher;

    InvitationFields(FieldCipher cipher) {
        this.cipher = cipher;
    }

    BlindIndex emailIndex(TenantId tenant, EmailAddress email) {
        return cipher.blindIndex(EMAIL_INDEX, Optional.of(tenant), email.value());
    }

    StoredInvitation seal(Invitation i) {
        return new StoredInvitation(i.id(), i.tenantId(),
                cipher.encrypt(new KeyScope("invitation", i.id().value()), place(i), i.email().value()),
                emailIndex(i.tenantId(), i.email()), i.role(), i.invitedBy(), i.createdAt(), i.expiresAt(),
                i.acceptedAt(), i.acceptedBy(), i.revokedAt());
    }

    /** Reads the data keys of a page of invitations in one go, before {@link #open} opens them one by one. */
    void preload(List<StoredInvitation> page) {
        cipher.preload(page.stream().map(StoredInvitation::email).toList());
    }

    Invitation open(StoredInvitation s) {
        return new Invitation(s.id(), s.tenantId(),
                new EmailAddress(cipher.decrypt("invitation|email|" + s.id(), s.email())), s.role(), s.invitedBy(),
                s.createdAt(), s.expiresAt(), s.acceptedAt(), s.acceptedBy(), s.revokedAt());
    }

    static InvitationView view(Invitation i, Instant now) {
        return new InvitationView(i.id(), i.tenantId(), i.email().value(), i.role(), i.invitedBy(), i.createdAt(),
                i.expiresAt(), i.status(now));
    }

    private static String place(Invitation i) {
        return "invitation|email|" + i.id();
    }
}
