package com.qleven.application.messaging;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentChannel;
import com.qleven.domain.consent.ConsentDecision;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.messaging.InboundKind;
import com.qleven.domain.messaging.MessagingSettings;
import com.qleven.domain.messaging.OptOutWords;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.consent.in.ChannelConsent;
import com.qleven.ports.consent.in.WithdrawConsentFromChannel;
import com.qleven.ports.messaging.out.MessagingCenters;
import com.qleven.ports.messaging.out.PreferenceChange;
import com.qleven.ports.messaging.out.ReceivedMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Opt-outs by WhatsApp (policy P5): a reply that is a full stop (STOP, ARRET, BAJA, توقف or one of
 * the center's own words) withdraws WhatsApp consent and marketing for every client on the sender's
 * number; "stop promotions", or a marketing stop in WhatsApp's own settings ({@code user_preferences}),
 * withdraws marketing only. Each withdrawal is a consent-ledger entry of channel
 * {@code whatsapp_reply}, recorded at the time Meta gives the reply, with its wamid (or the
 * preference's time) as proof and the reply as received as its text; what is not granted is not
 * withdrawn again. A marketing resume grants nothing (consent is given explicitly, to staff or on the
 * booking page): it is logged and audited only. Never fails the event for a client or purpose that
 * has nothing to withdraw.
 */
final class OptOuts {
    private static final System.Logger LOG = System.getLogger(OptOuts.class.getName());
    /** The notice version of a withdrawal by a reply: the reply itself is the text. */
    static final String REPLY_VERSION = "whatsapp-reply";
    static final String PREFERENCES_VERSION = "whatsapp-user-preferences";
    private static final Set<InboundKind> READ = Set.of(InboundKind.TEXT, InboundKind.BUTTON, InboundKind.INTERACTIVE);
    private static final List<ConsentPurpose> EVERYTHING = List.of(ConsentPurpose.WHATSAPP, ConsentPurpose.MARKETING);
    private static final List<ConsentPurpose> MARKETING = List.of(ConsentPurpose.MARKETING);

    private final MessagingCenters centers;
    private final WithdrawConsentFromChannel consents;
    private final AuditTrail audit;
    private final Clock clock;

    OptOuts(MessagingCenters centers, WithdrawConsentFromChannel consents, AuditTrail audit, Clock clock) {
        this.centers = centers;
        this.consents = consents;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the message asks of consent, read with the center's own words; in the caller's unit. */
    OptOutWords.Meaning meaningOf(TenantId tenant, ReceivedMessage message) {
        if (!READ.contains(message.kind())) {
            return OptOutWords.Meaning.NONE;
        }
        OptOutWords words = centers.find(tenant).orElseGet(MessagingSettings::defaults).stopWords();
        return words.meaningOf(message.text());
    }

    /** Withdraws what the reply's meaning asks for each client; the number of entries written. */
    int apply(TenantId tenant, ReceivedMessage message, OptOutWords.Meaning meaning, List<ClientId> clients) {
        List<ConsentPurpose> purposes = switch (meaning) {
            case STOP_ALL -> EVERYTHING;
            case STOP_MARKETING -> MARKETING;
            case NONE -> List.of();
        };
        int written = 0;
        for (ClientId client : clients) {
            for (ConsentPurpose purpose : purposes) {
                written += withdraw(ChannelConsent.builder().tenant(tenant).client(client).purpose(purpose)
                        .decision(ConsentDecision.WITHDRAWN).channel(ConsentChannel.WHATSAPP_REPLY)
                        .textVersion(REPLY_VERSION).text(message.text().orElseThrow()).proof(message.wamid())
                        .decidedAt(message.at()).build());
            }
        }
        LOG.log(System.Logger.Level.INFO, "event=whatsapp_opt_out tenant=" + tenant + " meaning=" + meaning
                + " clients=" + clients.size() + " withdrawn=" + written);
        return written;
    }

    /** A {@code user_preferences} change: a marketing stop withdraws marketing, a resume grants nothing. */
    void onPreference(TenantId tenant, PreferenceChange change, List<ClientId> clients) {
        if (change.marketingStop()) {
            int written = 0;
            for (ClientId client : clients) {
                written += withdraw(ChannelConsent.builder().tenant(tenant).client(client)
                        .purpose(ConsentPurpose.MARKETING).decision(ConsentDecision.WITHDRAWN)
                        .channel(ConsentChannel.WHATSAPP_REPLY).textVersion(PREFERENCES_VERSION)
                        .text(change.detail().filter(d -> !d.isBlank())
                                .orElse(change.category() + ": " + change.value()))
                        .proof("user_preferences:" + change.at().getEpochSecond()).decidedAt(change.at()).build());
            }
            LOG.log(System.Logger.Level.INFO, "event=whatsapp_marketing_stop tenant=" + tenant + " clients="
                    + clients.size() + " withdrawn=" + written);
        } else if (change.marketingResume()) {
            // Consent is explicit (P5): a resume in WhatsApp's settings is recorded as heard, never as a grant.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            for (ClientId client : clients) {
                audit.record(new AuditEvent(Optional.of(tenant), Optional.empty(), Optional.empty(),
                        "consent.whatsapp_resume_heard", "client", Optional.of(client.value()), "consent_management", 1,
                        now));
            }
            LOG.log(System.Logger.Level.INFO, "event=whatsapp_marketing_resume_ignored tenant=" + tenant
                    + " clients=" + clients.size());
        }
    }

    private int withdraw(ChannelConsent consent) {
        try {
            return consents.withdraw(consent).isPresent() ? 1 : 0;
        } catch (NotFoundException | ValidationException e) {
            // A client gone since the lookup, a purpose the center lacks: nothing to withdraw there.
            LOG.log(System.Logger.Level.WARNING, "event=whatsapp_opt_out_skipped tenant=" + consent.tenant()
                    + " purpose=" + consent.purpose() + " reason=" + e.getClass().getSimpleName());
            return 0;
        }
    }
}
