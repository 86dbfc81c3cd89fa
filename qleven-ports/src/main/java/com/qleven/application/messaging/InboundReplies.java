package com.qleven.application.messaging;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.OptOutWords;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.consent.in.WithdrawConsentFromChannel;
import com.qleven.ports.messaging.out.MessagingStore;
import com.qleven.ports.messaging.out.PreferenceChange;
import com.qleven.ports.messaging.out.ReceivedMessage;
import com.qleven.ports.privacy.out.CenterNotifications;
import com.qleven.ports.scheduling.in.ClientReplies;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * How Qleven reacts to a client's stored WhatsApp message or preference change (the
 * {@link InboundListener} the webhook processing calls): first consent, then appointments. A reply
 * that is an opt-out withdraws consent ({@code OptOuts}: STOP and its kin for every client on the
 * number, "stop promotions" and WhatsApp's marketing stop for marketing only) and does nothing else;
 * any other reply button on an appointment message confirms or cancels that appointment within the
 * center's rules ({@code ReplyButtons}). Everything happens in the caller's unit of work for the
 * center (or one of its own when none is open), so it commits with the stored message; an action is
 * idempotent (a confirmed appointment confirmed again, a withdrawn consent withdrawn again, write
 * nothing).
 */
public final class InboundReplies implements InboundListener {
    private final Transactions transactions;
    private final OptOuts optOuts;
    private final ReplyButtons buttons;

    /**
     * @param consents the consent context's withdrawal ({@code qleven.consent()::withdrawFromChannel})
     * @param appointments scheduling's client steps by reply ({@code qleven.scheduling().clientReplies()})
     */
    public InboundReplies(Transactions transactions, MessagingStore store, CenterNotifications notifications,
                          WithdrawConsentFromChannel consents, ClientReplies appointments, FieldCipher cipher,
                          AuditTrail audit, Clock clock, IdGenerator ids) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.optOuts = new OptOuts(store.centers(), Objects.requireNonNull(consents, "consents"), audit, clock);
        this.buttons = new ReplyButtons(store.outbox(), store.templates(),
                Objects.requireNonNull(appointments, "appointments"), notifications, cipher, clock, ids);
    }

    @Override
    public void onMessage(TenantId tenant, ReceivedMessage message, List<ClientId> clients) {
        Required.field(tenant, "tenant");
        Required.field(message, "message");
        Required.field(clients, "clients");
        transactions.inTenant(tenant, () -> {
            OptOutWords.Meaning meaning = optOuts.meaningOf(tenant, message);
            if (meaning != OptOutWords.Meaning.NONE) {
                optOuts.apply(tenant, message, meaning, clients);
            } else {
                buttons.onMessage(tenant, message, clients);
            }
        });
    }

    @Override
    public void onPreference(TenantId tenant, PreferenceChange change, List<ClientId> clients) {
        Required.field(tenant, "tenant");
        Required.field(change, "change");
        Required.field(clients, "clients");
        transactions.inTenant(tenant, () -> optOuts.onPreference(tenant, change, clients));
    }
}
