package com.qleven.application.consent;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentChannel;
import com.qleven.domain.consent.ConsentDecision;
import com.qleven.domain.consent.ConsentEntry;
import com.qleven.domain.consent.ConsentNotice;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.consent.in.RecordConsent;
import com.qleven.ports.consent.in.RecordConsentCommand;
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

/** Staff record a decision: the principal is the recorder; a WhatsApp reply is never theirs to record. */
public final class RecordConsentService implements RecordConsent {
    private final ConsentRecorder recorder;

    public RecordConsentService(Transactions transactions, Centers centers, Clients clients,
                                ClientRestrictions clientRestrictions, ConsentLedger consentLedger,
                                ConsentPurposes consentPurposes, FieldCipher cipher, AuditTrail audit, Clock clock,
                                IdGenerator ids) {
        this.recorder = new ConsentRecorder(transactions, centers, clients, clientRestrictions, consentLedger,
                consentPurposes, cipher, audit, clock, ids);
    }

    @Override
    public ConsentEntry record(Principal principal, ClientId client, RecordConsentCommand command) {
        Required.field(client, "client");
        Required.field(command, "command");
        Permissions.require(principal, Permission.MANAGE_CONSENTS);
        TenantId tenant = principal.requireTenant();
        return recorder.record(tenant, client, () -> parse(tenant, command),
                Optional.of(principal.userId()), Optional.of(principal.sessionId().value()));
    }

    private ConsentRecorder.Decision parse(TenantId tenant, RecordConsentCommand c) {
        List<FieldError> errors = new ArrayList<>();
        ConsentPurpose purpose = recorder.centerPurpose(tenant, errors, "purpose", c.purpose());
        ConsentDecision decision = ConsentRecorder.collect(errors, () -> ConsentDecision.parse("decision", c.decision()));
        ConsentChannel channel = ConsentRecorder.collect(errors, () -> ConsentChannel.parse("channel", c.channel()));
        if (channel != null && !channel.staffMayRecord()) {
            errors.add(new FieldError("channel", "a WhatsApp reply is recorded by the platform when it arrives,"
                    + " not by staff"));
        }
        ConsentNotice notice = ConsentRecorder.notice(errors, c.textVersion(), c.text());
        Optional<String> proof = ConsentRecorder.proof(errors, "proof", c.proof());
        ConsentRecorder.throwIfAny(errors);
        return new ConsentRecorder.Decision(purpose, decision, channel, notice, proof);
    }
}
