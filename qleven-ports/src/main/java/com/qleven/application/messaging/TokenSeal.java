package com.qleven.application.messaging;

import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.AccessToken;
import com.qleven.ports.messaging.out.ConnectedAccount;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import java.util.Objects;

/**
 * Seals a center's WhatsApp access token under the center's {@code whatsapp} key, bound to the center
 * and its phone-number id, and opens it only to call Meta. Nothing else ever sees the token.
 */
public final class TokenSeal {
    static final String KEY_KIND = "whatsapp";
    private final FieldCipher cipher;

    public TokenSeal(FieldCipher cipher) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    public byte[] seal(TenantId tenant, String phoneNumberId, AccessToken token) {
        return cipher.encrypt(new KeyScope(KEY_KIND, tenant.value()), aad(tenant, phoneNumberId), token.value());
    }

    public AccessToken open(ConnectedAccount account) {
        return new AccessToken(cipher.decrypt(aad(account.tenant(), account.phoneNumberId()), account.sealedToken()));
    }

    private static String aad(TenantId tenant, String phoneNumberId) {
        return "whatsapp|token|" + tenant + "|" + phoneNumberId;
    }
}
