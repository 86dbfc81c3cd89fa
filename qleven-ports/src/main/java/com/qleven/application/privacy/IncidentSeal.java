package com.qleven.application.privacy;

import com.qleven.domain.privacy.CenterNotification;
import com.qleven.domain.privacy.Incident;
import com.qleven.domain.privacy.IncidentId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.privacy.out.StoredIncident;
import com.qleven.ports.privacy.out.StoredNotification;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import java.util.List;
import java.util.UUID;

/**
 * How the incident register's free text and a center's notifications are sealed.
 *
 * <p>An incident's description is the platform's record (the platform, as processor, documents
 * its breaches) and may name several centers and the people in them, so it is sealed under a data
 * key of the incident itself ({@code incident}, owned by no center): shredding one center's keys
 * when it leaves cannot make the register unreadable, and a retention of the register can shred
 * one incident alone. Associated data {@code incident|description|<id>} binds it to its row.
 *
 * <p>A notification belongs to one center: {@link CenterNotificationSeal} seals it, as it does for
 * every context that notifies a center.
 */
final class IncidentSeal {
    static final String INCIDENT_KEY_KIND = "incident";
    static final String NOTIFICATION_KEY_KIND = CenterNotificationSeal.KEY_KIND;

    private final FieldCipher cipher;
    private final CenterNotificationSeal notifications;

    IncidentSeal(FieldCipher cipher) {
        this.cipher = cipher;
        this.notifications = new CenterNotificationSeal(cipher);
    }

    StoredIncident seal(Incident i) {
        return new StoredIncident(i.id(), i.detectedAt(),
                cipher.encrypt(new KeyScope(INCIDENT_KEY_KIND, i.id().value()), aad(i.id()), i.description()),
                i.categories(), i.centers(), i.reportedBy(), i.reportedAt());
    }

    /** Reads the data keys of a page of incidents in one go, before {@link #open} opens them one by one. */
    void preload(List<StoredIncident> page) {
        cipher.preload(page.stream().map(StoredIncident::description).toList());
    }

    Incident open(StoredIncident s) {
        return new Incident(s.id(), s.detectedAt(), cipher.decrypt(aad(s.id()), s.description()), s.categories(),
                s.centers(), s.reportedBy(), s.reportedAt());
    }

    StoredNotification seal(CenterNotification n) {
        return notifications.seal(n);
    }

    CenterNotification open(StoredNotification s) {
        return notifications.open(s);
    }

    static String aad(IncidentId id) {
        return INCIDENT_KEY_KIND + "|description|" + id;
    }

    static String aad(String field, TenantId tenant, UUID id) {
        return CenterNotificationSeal.aad(field, tenant, id);
    }
}
