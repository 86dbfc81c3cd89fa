package com.qleven.ports.consent.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentChannel;
import com.qleven.domain.consent.ConsentDecision;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A consent decision captured outside the staff's hands (an online booking, a WhatsApp reply such as
 * STOP, an import), with its own channel, the notice shown and its proof (the reply's message id,
 * the booking's id, the import file's name and line). Built by name with {@link #builder()}.
 *
 * <p>{@code decidedAt} is when the client decided, when the channel says so (the time Meta gives a
 * WhatsApp reply): the entry is then recorded at that time (never later than the recording itself),
 * so a decision processed late does not override one recorded after it was made, such as a grant
 * staff recorded meanwhile. Empty: the time of recording.
 */
public record ChannelConsent(TenantId tenant, ClientId client, ConsentPurpose purpose, ConsentDecision decision,
                             ConsentChannel channel, String textVersion, String text, Optional<String> proof,
                             Optional<Instant> decidedAt) {
    public ChannelConsent {
        Required.field(tenant, "tenant");
        Required.field(client, "client");
        Required.field(purpose, "purpose");
        Required.field(decision, "decision");
        Required.field(channel, "channel");
        Required.field(textVersion, "textVersion");
        Required.field(text, "text");
        Required.field(proof, "proof");
        Required.field(decidedAt, "decidedAt");
    }

    /** A decision recorded at the time it is recorded. */
    public ChannelConsent(TenantId tenant, ClientId client, ConsentPurpose purpose, ConsentDecision decision,
                          ConsentChannel channel, String textVersion, String text, Optional<String> proof) {
        this(tenant, client, purpose, decision, channel, textVersion, text, proof, Optional.empty());
    }

    /** A builder with every member not given; {@code proof} defaults to none. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "ChannelConsent[purpose=" + purpose + ", decision=" + decision.wireName() + ", channel="
                + channel.wireName() + "]";
    }

    /** The decision by name. {@link #build()} names every missing member at once. */
    public static final class Builder {
        private TenantId tenant;
        private ClientId client;
        private ConsentPurpose purpose;
        private ConsentDecision decision;
        private ConsentChannel channel;
        private String textVersion;
        private String text;
        private Optional<String> proof = Optional.empty();
        private Optional<Instant> decidedAt = Optional.empty();

        private Builder() {
        }

        /** The center whose client decided. */
        public Builder tenant(TenantId tenant) {
            this.tenant = tenant;
            return this;
        }

        public Builder client(ClientId client) {
            this.client = client;
            return this;
        }

        /** One of the center's purposes. */
        public Builder purpose(ConsentPurpose purpose) {
            this.purpose = purpose;
            return this;
        }

        public Builder decision(ConsentDecision decision) {
            this.decision = decision;
            return this;
        }

        public Builder channel(ConsentChannel channel) {
            this.channel = channel;
            return this;
        }

        /** The version of the notice shown. */
        public Builder textVersion(String textVersion) {
            this.textVersion = textVersion;
            return this;
        }

        /** The exact notice shown, or the reply as received. */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /** The reply's message id, the booking's id, the import file's name and line; null for none. */
        public Builder proof(String proof) {
            this.proof = Optional.ofNullable(proof);
            return this;
        }

        /** When the client decided, as the channel says; null for the time of recording. */
        public Builder decidedAt(Instant decidedAt) {
            this.decidedAt = Optional.ofNullable(decidedAt);
            return this;
        }

        /** @throws ValidationException naming every missing member */
        public ChannelConsent build() {
            List<FieldError> missing = new ArrayList<>();
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("tenant", tenant);
            members.put("client", client);
            members.put("purpose", purpose);
            members.put("decision", decision);
            members.put("channel", channel);
            members.put("textVersion", textVersion);
            members.put("text", text);
            members.forEach((member, value) -> {
                if (value == null) {
                    missing.add(new FieldError(member, "is required"));
                }
            });
            if (!missing.isEmpty()) {
                throw new ValidationException(missing);
            }
            return new ChannelConsent(tenant, client, purpose, decision, channel, textVersion, text, proof, decidedAt);
        }
    }
}
