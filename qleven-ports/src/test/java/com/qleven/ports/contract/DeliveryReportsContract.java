package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.OutboundMessage;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.DeliveryReport;
import com.qleven.ports.messaging.out.DeliveryReports;
import com.qleven.ports.messaging.out.QueuedMessage;
import com.qleven.ports.messaging.out.StatusUpdate;
import com.qleven.ports.shared.out.Transactions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@code DeliveryReports} implementation promises: one report per message, kept whole, per center. */
public abstract class DeliveryReportsContract {

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private Transactions tx() {
        return store().shared().transactions();
    }

    private DeliveryReports reports() {
        return store().messaging().deliveryReports();
    }

    private TenantId center() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        return tenant;
    }

    /** A queued message of the center: a report belongs to a message. */
    private OutboundMessageId message(TenantId tenant) {
        OutboundMessageId id = new OutboundMessageId(UUID.randomUUID());
        tx().inTenant(tenant, () -> store().messaging().outbox().add(new QueuedMessage(tenant,
                OutboundMessage.queue(id, MessagePurpose.CONFIRMATION, T0), new ClientId(UUID.randomUUID()),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), new byte[] {1})));
        return id;
    }

    private static StatusUpdate status(String status, long second, Optional<StatusUpdate.StatusError> error,
                                       Optional<StatusUpdate.Pricing> pricing,
                                       Optional<StatusUpdate.Conversation> conversation) {
        return new StatusUpdate("106540352242922", "wamid.X", status, T0.plusSeconds(second), Optional.empty(), error,
                pricing, conversation);
    }

    static final StatusUpdate.Pricing PMP = new StatusUpdate.Pricing(Optional.of("utility"), Optional.of("PMP"),
            Optional.of(true), Optional.of("regular"));
    static final StatusUpdate.Conversation CONVERSATION = new StatusUpdate.Conversation("f5fdae39a2",
            Optional.of("utility"));
    static final StatusUpdate.StatusError ERROR = new StatusUpdate.StatusError(131047,
            Optional.of("Re-engagement message"), Optional.of("Re-engagement message"),
            Optional.of("more than 24 hours have passed"));

    @Test
    void aReportIsKeptWholeAndReplaced() {
        TenantId tenant = center();
        OutboundMessageId message = message(tenant);
        DeliveryReport first = DeliveryReport.empty(tenant, message)
                .merge(status("sent", 1, Optional.empty(), Optional.of(PMP), Optional.of(CONVERSATION)));
        tx().inTenant(tenant, () -> reports().save(first));
        assertThat(tx().inTenant(tenant, () -> reports().find(tenant, message))).contains(first);

        DeliveryReport second = first.merge(status("failed", 2, Optional.of(ERROR), Optional.empty(), Optional.empty()));
        tx().inTenant(tenant, () -> reports().save(second));
        assertThat(tx().inTenant(tenant, () -> reports().find(tenant, message))).contains(second);
        assertThat(second.lastError()).contains(ERROR);
        assertThat(second.pricing()).contains(PMP);
    }

    @Test
    void partsMayBeAbsentOrHalfFilled() {
        TenantId tenant = center();
        OutboundMessageId message = message(tenant);
        StatusUpdate.Pricing bare = new StatusUpdate.Pricing(Optional.empty(), Optional.of("CBP"), Optional.empty(),
                Optional.empty());
        DeliveryReport report = DeliveryReport.empty(tenant, message).merge(status("delivered", 5, Optional.empty(),
                Optional.of(bare), Optional.of(new StatusUpdate.Conversation("c1", Optional.empty()))));
        tx().inTenant(tenant, () -> reports().save(report));

        assertThat(tx().inTenant(tenant, () -> reports().find(tenant, message))).contains(report);
    }

    @Test
    void reportsAreReadForManyMessagesAtOnceAndOnlyInTheirCenter() {
        TenantId tenant = center();
        TenantId other = center();
        OutboundMessageId a = message(tenant);
        OutboundMessageId b = message(tenant);
        OutboundMessageId none = new OutboundMessageId(UUID.randomUUID());
        DeliveryReport ra = DeliveryReport.empty(tenant, a)
                .merge(status("sent", 1, Optional.empty(), Optional.of(PMP), Optional.empty()));
        DeliveryReport rb = DeliveryReport.empty(tenant, b)
                .merge(status("failed", 1, Optional.of(ERROR), Optional.empty(), Optional.empty()));
        tx().inTenant(tenant, () -> {
            reports().save(ra);
            reports().save(rb);
        });

        assertThat(tx().inTenant(tenant, () -> reports().ofMessages(tenant, List.of(a, b, none, a))))
                .containsExactlyInAnyOrder(ra, rb);
        assertThat(tx().inTenant(tenant, () -> reports().ofMessages(tenant, List.of()))).isEmpty();
        assertThat(tx().inTenant(other, () -> reports().find(tenant, a))).isEmpty();
        assertThat(tx().inTenant(other, () -> reports().ofMessages(tenant, List.of(a, b)))).isEmpty();
        assertThatThrownBy(() -> tx().inTenant(other, () -> reports().save(ra))).isInstanceOf(RuntimeException.class);
    }
}
