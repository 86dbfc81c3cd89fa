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

/** The center's notifications from the platform, newest first. */
public final class ListNotificationsService implements ListNotifications {
    private final QlevenStore store;

    public ListNotificationsService(QlevenStore store) {
        this.store = store;
    }

    @Override
    public Page<CenterNotification> list(Principal principal, PageRequest page) {
        Required.field(page, "page");
        Permissions.require(principal, Permission.VIEW_NOTIFICATIONS);
        TenantId tenant = principal.requireTenant();
        return store.transactions().inTenant(tenant, () -> store.centerNotifications().list(tenant, page));
    }
}
