package com.qleven.application.messaging;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.PreferenceChange;
import com.qleven.ports.messaging.out.ReceivedMessage;
import java.util.List;

/**
 * What reacts to a client's WhatsApp message once it is stored: a reply button confirming or
 * cancelling an appointment, STOP withdrawing consent, a marketing stop. Called by the webhook
 * processing in the center's unit of work, right after the message (or preference change) is stored
 * for the first time; a replayed one is never passed again, so a listener acts once. {@code clients}
 * are the center's clients whose WhatsApp number is the sender's: none for an unknown number, several
 * for a shared one (a parent and a child). A listener that throws rolls back the unit, and the event
 * is tried again later.
 */
public interface InboundListener {
    /** A client's message, stored. */
    void onMessage(TenantId tenant, ReceivedMessage message, List<ClientId> clients);

    /** A {@code user_preferences} change, stored. */
    void onPreference(TenantId tenant, PreferenceChange change, List<ClientId> clients);

    /** No listener. */
    InboundListener NONE = new InboundListener() {
        @Override
        public void onMessage(TenantId tenant, ReceivedMessage message, List<ClientId> clients) {
        }

        @Override
        public void onPreference(TenantId tenant, PreferenceChange change, List<ClientId> clients) {
        }
    };
}
