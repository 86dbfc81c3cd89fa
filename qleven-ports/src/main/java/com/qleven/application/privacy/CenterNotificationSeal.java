package com.qleven.application.privacy;

import com.qleven.domain.privacy.CenterNotification;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.privacy.out.StoredNotification;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import java.util.Objects;
import java.util.UUID;

/**
 * How a center's notification is sealed, for every context that tells a center something (a
 * breach, a WhatsApp number to reconnect): its title and text under a key of that center
 * ({@code center_notification}, owned by the center's id), so the notice is the center's data and
 * goes with the center's keys. Associated data {@code center_notification|<field>|<center>|<id>}
 * binds each to its center and row, so a notice copied into another center's rows fails to open.
 */
public final class CenterNotificationSeal {
    static final String KEY_KIND = "center_notification";

    private final FieldCipher cipher;

    public CenterNotificationSeal(FieldCipher cipher) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    public StoredNotification seal(CenterNotification n) {
        KeyScope scope = new KeyScope(KEY_KIND, n.tenantId().value());
        return new StoredNotification(n.tenantId(), n.id(), n.kind(), n.subjectId(),
                cipher.encrypt(scope, aad("title", n.tenantId(), n.id()), n.title()),
                cipher.encrypt(scope, aad("text", n.tenantId(), n.id()), n.text()), n.createdAt());
    }

    public CenterNotification open(StoredNotification s) {
        return new CenterNotification(s.tenantId(), s.id(), s.kind(), s.subjectId(),
                cipher.decrypt(aad("title", s.tenantId(), s.id()), s.title()),
                cipher.decrypt(aad("text", s.tenantId(), s.id()), s.text()), s.createdAt());
    }

    static String aad(String field, TenantId tenant, UUID id) {
        return KEY_KIND + "|" + field + "|" + tenant + "|" + id;
    }
}
