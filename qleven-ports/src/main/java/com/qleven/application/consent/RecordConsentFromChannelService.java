package com.qleven.application.consent;

import com.qleven.domain.consent.ConsentDecision;
import com.qleven.domain.consent.ConsentEntry;
import com.qleven.domain.consent.ConsentNotice;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.Required;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.consent.in.ChannelConsent;
import com.qleven.ports.consent.in.RecordConsentFromChannel;
import com.qleven.ports.consent.in.WithdrawConsentFromChannel;
import com.qleven.ports.consent.out.ConsentLedger;
import com.qleven.ports.consent.out.ConsentPurposes;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.out.Centers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Records a decision captured by another context: no recorder, the channel and proof it brings, at
 * the time the client decided when the channel gives it; and withdraws only what is granted.
 */
public final class RecordConsentFromChannelService implements RecordConsentFromChannel, WithdrawConsentFromChannel {
    private final ConsentRecorder recorder;

    public RecordConsentFromChannelService(Transactions transactions, Centers centers, Clients clients,
                                           ClientRestrictions clientRestrictions, ConsentLedger consentLedger,
                                           ConsentPurposes consentPurposes, FieldCipher cipher, AuditTrail audit,
                                           Clock clock, IdGenerator ids) {
        this.recorder = new ConsentRecorder(transactions, centers, clients, clientRestrictions, consentLedger,
                consentPurposes, cipher, audit, clock, ids);
    }

    @Override
    public ConsentEntry record(ChannelConsent c) {
        Required.field(c, "consent");
        return recorder.record(c.tenant(), c.client(), parse(c), Optional.empty(), Optional.empty(),
                c.decidedAt(), false).orElseThrow();
    }

    @Override
    public Optional<ConsentEntry> withdraw(ChannelConsent c) {
        Required.field(c, "consent");
        if (c.decision() != ConsentDecision.WITHDRAWN) {
            throw new IllegalArgumentException("only a withdrawal is withdrawn: " + c.decision().wireName());
        }
        return recorder.record(c.tenant(), c.client(), parse(c), Optional.empty(), Optional.empty(),
                c.decidedAt(), true);
    }

    private Supplier<ConsentRecorder.Decision> parse(ChannelConsent c) {
        return () -> {
            List<FieldError> errors = new ArrayList<>();
            recorder.centerPurpose(c.tenant(), errors, "purpose", c.purpose().code());
            ConsentNotice notice = ConsentRecorder.notice(errors, c.textVersion(), c.text());
            Optional<String> proof = ConsentRecorder.proof(errors, "proof", c.proof().orElse(null));
            ConsentRecorder.throwIfAny(errors);
            return new ConsentRecorder.Decision(c.purpose(), c.decision(), c.channel(), notice, proof);
        };
    }
}
