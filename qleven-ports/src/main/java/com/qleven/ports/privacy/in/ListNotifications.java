package com.qleven.ports.privacy.in;

import com.qleven.domain.privacy.CenterNotification;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.tenancy.Principal;

/** What the platform told the principal's center, newest first; for every member of the center. */
public interface ListNotifications {
    Page<CenterNotification> list(Principal principal, PageRequest page);
}
