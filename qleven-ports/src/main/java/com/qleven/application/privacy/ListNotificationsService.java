package com.qleven.application.privacy;

import com.qleven.domain.privacy.CenterNotification;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.privacy.in.ListNotifications;
import com.qleven.ports.privacy.out.CenterNotifications;
import com.qleven.ports.privacy.out.StoredNotification;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;

/** The center's notifications from the platform, newest first. */
public final class ListNotificationsService implements ListNotifications {
    private final Transactions transactions;
    private final CenterNotifications centerNotifications;
    private final IncidentSeal seal;

    public ListNotificationsService(Transactions transactions, CenterNotifications centerNotifications,
                                    FieldCipher cipher) {
        this.transactions = transactions;
        this.centerNotifications = centerNotifications;
        this.seal = new IncidentSeal(cipher);
    }

    @Override
    public Page<CenterNotification> list(Principal principal, PageRequest page) {
        Permissions.require(principal, Permission.VIEW_NOTIFICATIONS);
        Required.field(page, "page");
        TenantId tenant = principal.requireTenant();
        Page<StoredNotification> stored =
                transactions.inTenant(tenant, () -> centerNotifications.list(tenant, page));
        return new Page<>(stored.items().stream().map(seal::open).toList(), stored.next());
    }
}
