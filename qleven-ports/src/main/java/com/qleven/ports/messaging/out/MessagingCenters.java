package com.qleven.ports.messaging.out;

import com.qleven.domain.messaging.MessagingSettings;
import com.qleven.domain.shared.TenantId;
import java.util.Optional;

/** A center's messaging settings (in its unit); none saved means {@link MessagingSettings#defaults()}. */
public interface MessagingCenters {
    Optional<MessagingSettings> find(TenantId tenant);

    void save(TenantId tenant, MessagingSettings settings);
}
