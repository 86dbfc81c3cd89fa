package com.qleven.application.consent;

import com.qleven.domain.consent.ConsentEntry;
import com.qleven.domain.consent.ConsentNotice;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.Required;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.consent.in.ChannelConsent;
import com.qleven.ports.consent.in.RecordConsentFromChannel;
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

/** Records a decision captured by another context: no recorder, the channel and proof it brings. */
public final class RecordConsentFromChannelService implements RecordConsentFromChannel {
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
        return recorder.record(c.tenant(), c.client(), () -> {
            List<FieldError> errors = new ArrayList<>();
            recorder.centerPurpose(c.tenant(), errors, "purpose", c.purpose().code());
            ConsentNotice notice = ConsentRecorder.notice(errors, c.textVersion(), c.text());
            Optional<String> proof = ConsentRecorder.proof(errors, "proof", c.proof().orElse(null));
            ConsentRecorder.throwIfAny(errors);
            return new ConsentRecorder.Decision(c.purpose(), c.decision(), c.channel(), notice, proof);
        }, Optional.empty(), Optional.empty());
    }
}
