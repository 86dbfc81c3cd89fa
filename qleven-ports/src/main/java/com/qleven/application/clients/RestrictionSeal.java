package com.qleven.application.clients;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.clients.in.ClientView;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import java.util.Optional;

/**
 * How the reasons of a restriction and of its lifting are sealed: under a data key of the
 * client's restriction record, not the client's own key, so that the record of a restriction (an
 * act of the controller, Art. 5(2)) outlives an erasure of the client. Associated data
 * {@code client_restriction|<field>|<center>|<client>} binds each reason to its place.
 */
public final class RestrictionSeal {
    static final String KEY_KIND = "client_restriction";
    public static final String REASON = "reason";
    public static final String LIFT_REASON = "liftReason";

    private final FieldCipher cipher;

    public RestrictionSeal(FieldCipher cipher) {
        this.cipher = cipher;
    }

    public byte[] seal(TenantId tenant, ClientId client, String field, String text) {
        return cipher.encrypt(new KeyScope(KEY_KIND, client.value()), aad(field, tenant, client), text);
    }

    Optional<String> open(TenantId tenant, ClientId client, String field, byte[] sealed) {
        return Optional.ofNullable(sealed).map(b -> cipher.decrypt(aad(field, tenant, client), b));
    }

    /** The restriction as administrators see it. */
    ClientView.Restriction view(TenantId tenant, ClientRestrictions.Restriction r) {
        return new ClientView.Restriction(r.since(), r.requestId(), open(tenant, r.client(), REASON,
                r.sealedReason()));
    }

    private static String aad(String field, TenantId tenant, ClientId client) {
        return KEY_KIND + "|" + field + "|" + tenant + "|" + client;
    }
}
