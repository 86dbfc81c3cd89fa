package com.qleven.ports.messaging.out;

import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.shared.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What statuses added to a center's outbound messages (pricing, conversation, last error), in the
 * center's unit; one report per message.
 */
public interface DeliveryReports {
    Optional<DeliveryReport> find(TenantId tenant, OutboundMessageId message);

    /** The reports of these messages (one read for a page of messages); messages without one are left out. */
    List<DeliveryReport> ofMessages(TenantId tenant, Collection<OutboundMessageId> messages);

    /** Inserts or replaces the message's report. */
    void save(DeliveryReport report);
}
