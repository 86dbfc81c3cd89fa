package com.qleven.ports.consent.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentChannel;
import com.qleven.domain.consent.ConsentDecision;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import java.util.Optional;

/**
 * A consent decision captured outside the staff's hands (an online booking, a WhatsApp reply such as
 * STOP, an import), with its own channel, the notice shown and its proof (the reply's message id,
 * the booking's id, the import file's name and line).
 */
public record ChannelConsent(TenantId tenant, ClientId client, ConsentPurpose purpose, ConsentDecision decision,
                             ConsentChannel channel, String textVersion, String text, Optional<String> proof) {
    public ChannelConsent {
        Required.field(tenant, "tenant");
        Required.field(client, "client");
        Required.field(purpose, "purpose");
        Required.field(decision, "decision");
        Required.field(channel, "channel");
        Required.field(textVersion, "textVersion");
        Required.field(text, "text");
        Required.field(proof, "proof");
    }

    @Override
    public String toString() {
        return "ChannelConsent[purpose=" + purpose + ", decision=" + decision.wireName() + ", channel="
                + channel.wireName() + "]";
    }
}
