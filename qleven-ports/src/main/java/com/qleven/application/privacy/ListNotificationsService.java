package com.qleven.application.privacy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.privacy.CenterNotification;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.privacy.in.ListNotifications;
import com.qleven.ports.privacy.out.StoredNotification;
import com.qleven.ports.shared.out.FieldCipher;

/** The center's notifications from the platform, newest first. */
public final class ListNotificationsService implements ListNotifications {
    private final QlevenStore store;
    private final IncidentSeal seal;

    public ListNotificationsService(QlevenStore store, FieldCipher cipher) {
        this.store = store;
        this.seal = new IncidentSeal(cipher);
    }

    @Override
    public Page<CenterNotification> list(Principal principal, PageRequest page) {
        Permissions.require(principal, Permission.VIEW_NOTIFICATIONS);
        Required.field(page, "page");
        TenantId tenant = principal.requireTenant();
        Page<StoredNotification> stored =
                store.transactions().inTenant(tenant, () -> store.centerNotifications().list(tenant, page));
        return new Page<>(stored.items().stream().map(seal::open).toList(), stored.next());
    }
}
