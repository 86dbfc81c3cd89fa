package com.qleven.application.messaging;

import com.qleven.application.privacy.CenterNotificationSeal;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.InboundKind;
import com.qleven.domain.messaging.ReplyAction;
import com.qleven.domain.privacy.CenterNotification;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.Outbox;
import com.qleven.ports.messaging.out.QueuedMessage;
import com.qleven.ports.messaging.out.ReceivedMessage;
import com.qleven.ports.messaging.out.WhatsAppTemplates;
import com.qleven.ports.privacy.out.CenterNotifications;
import com.qleven.ports.scheduling.in.ClientReplies;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A client's tap on a reply button of one of our appointment messages: a template quick reply
 * ({@code button}, matched to its button by the title it carries, the action the administrator gave
 * that button in the template's {@code replyActions}) or an interactive reply whose id is
 * {@code confirm} or {@code cancel}. Only a reply whose context is a message of ours about an
 * appointment of a client on the sender's number acts, through scheduling's {@link ClientReplies} (the
 * manage link's rules, audited with the reply as evidence); a reply to another client's message, to a
 * message about no appointment or to no message of ours does nothing. A step the rules refuse changes
 * nothing and tells the center's staff, once per reply, in a center notification.
 */
final class ReplyButtons {
    private static final System.Logger LOG = System.getLogger(ReplyButtons.class.getName());
    /** The kind of the notification telling staff a client's reply could not be applied. */
    static final String REFUSED_KIND = "whatsapp_reply_refused";
    static final String CHANNEL = "whatsapp";

    private final Outbox outbox;
    private final WhatsAppTemplates templates;
    private final ClientReplies appointments;
    private final CenterNotifications notifications;
    private final CenterNotificationSeal seal;
    private final Clock clock;
    private final IdGenerator ids;

    ReplyButtons(Outbox outbox, WhatsAppTemplates templates, ClientReplies appointments,
                 CenterNotifications notifications, FieldCipher cipher, Clock clock, IdGenerator ids) {
        this.outbox = outbox;
        this.templates = templates;
        this.appointments = appointments;
        this.notifications = notifications;
        this.seal = new CenterNotificationSeal(cipher);
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * The id a reply is known by on the audit trail and in a notification: derived from its wamid
     * (a name-based UUID of {@code whatsapp_message|<wamid>}), so the same reply always has the same id.
     */
    static UUID evidenceId(String wamid) {
        return UUID.nameUUIDFromBytes(("whatsapp_message|" + wamid).getBytes(StandardCharsets.UTF_8));
    }

    /** Applies the reply's action, if it has one; in the caller's unit. */
    Optional<ClientReplies.Outcome> onMessage(TenantId tenant, ReceivedMessage message, List<ClientId> clients) {
        if (!message.kind().reply() || message.contextWamid().isEmpty()) {
            return Optional.empty();
        }
        Optional<QueuedMessage> ours = outbox.findByWamid(tenant, message.contextWamid().get());
        if (ours.isEmpty() || ours.get().appointment().isEmpty() || !clients.contains(ours.get().client())) {
            // Not a message of ours, about no appointment, or to a client not on the sender's number.
            return Optional.empty();
        }
        QueuedMessage answered = ours.get();
        Optional<ReplyAction> action = action(tenant, message, answered);
        if (action.isEmpty()) {
            return Optional.empty();
        }
        AppointmentId appointment = answered.appointment().get();
        UUID evidence = evidenceId(message.wamid());
        ClientReplies.Evidence by = new ClientReplies.Evidence(CHANNEL, evidence);
        ClientReplies.Outcome outcome = action.get() == ReplyAction.CONFIRM
                ? appointments.confirm(tenant, appointment, answered.client(), by)
                : appointments.cancel(tenant, appointment, answered.client(), by);
        LOG.log(System.Logger.Level.INFO, "event=whatsapp_reply_action tenant=" + tenant + " appointment="
                + appointment + " action=" + action.get().wireName() + " result=" + outcome.result());
        if (outcome.result() == ClientReplies.Result.REFUSED) {
            tellStaff(tenant, evidence, appointment, action.get(), outcome.reason().orElseThrow());
        }
        return Optional.of(outcome);
    }

    private Optional<ReplyAction> action(TenantId tenant, ReceivedMessage message, QueuedMessage answered) {
        if (message.kind() == InboundKind.INTERACTIVE) {
            return message.replyId().flatMap(ReplyAction::ofReplyId);
        }
        // A quick reply carries its button's title; its payload is the title too unless Meta was told otherwise.
        return answered.template().flatMap(id -> templates.find(tenant, id))
                .flatMap(t -> message.text().flatMap(t::replyAction).or(() -> message.replyId().flatMap(t::replyAction)));
    }

    private void tellStaff(TenantId tenant, UUID evidence, AppointmentId appointment, ReplyAction action,
                           String reason) {
        if (notifications.sentAt(tenant, REFUSED_KIND, evidence).isPresent()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String verb = action == ReplyAction.CONFIRM ? "confirm" : "cancel";
        notifications.add(seal.seal(new CenterNotification(tenant, ids.next(), REFUSED_KIND, evidence,
                "A client's WhatsApp reply could not be applied",
                "A client replied on WhatsApp to " + verb + " appointment " + appointment + ", but the center's"
                        + " rules do not allow it (" + reason + "). Nothing was changed: contact the client if needed.",
                now)));
    }
}
