package com.qleven.application.consent;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.consent.CenterPurpose;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.consent.in.ManageConsentPurposes;
import com.qleven.ports.consent.out.ConsentPurposes;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A center's consent purposes: administrators add them, staff who record consents list them. */
public final class ConsentPurposesService implements ManageConsentPurposes {
    private final Transactions transactions;
    private final ConsentPurposes consentPurposes;
    private final AuditTrail audit;
    private final Clock clock;

    public ConsentPurposesService(Transactions transactions, ConsentPurposes consentPurposes, AuditTrail audit,
                                  Clock clock) {
        this.transactions = transactions;
        this.consentPurposes = consentPurposes;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public PurposeView add(Principal principal, AddPurposeCommand command) {
        Required.field(command, "command");
        Permissions.require(principal, Permission.MANAGE_CONSENT_PURPOSES);
        TenantId tenant = principal.requireTenant();
        List<FieldError> errors = new ArrayList<>();
        ConsentPurpose code = ConsentRecorder.collect(errors, () -> ConsentPurpose.parse("code", command.code()));
        if (code != null && code.code().length() < CenterPurpose.MIN_CODE) {
            errors.add(new FieldError("code", "must have at least " + CenterPurpose.MIN_CODE + " characters"));
        } else if (code != null && ConsentPurpose.BUILT_IN.contains(code)) {
            errors.add(new FieldError("code", "is a built-in purpose"));
        }
        if (!CenterPurpose.validDescription(command.description())) {
            errors.add(new FieldError("description", "must have 1 to " + CenterPurpose.MAX_DESCRIPTION
                    + " characters without surrounding blanks"));
        }
        if (command.marketing() == null) {
            errors.add(new FieldError("marketing", "is required"));
        }
        ConsentRecorder.throwIfAny(errors);
        // Every store keeps microseconds.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CenterPurpose purpose = new CenterPurpose(tenant, code, command.description(), command.marketing(), now);
        return transactions.inTenant(tenant, () -> {
            if (!consentPurposes.add(purpose)) {
                throw new ConflictException("the center already has the purpose " + code);
            }
            audit.record(AuditEvent.by(principal, "consent_purpose.add", "consent_purpose", Optional.empty(),
                    ConsentRecorder.PURPOSE, 1, now));
            return view(purpose);
        });
    }

    @Override
    public List<PurposeView> list(Principal principal) {
        Permissions.require(principal, Permission.MANAGE_CONSENTS);
        TenantId tenant = principal.requireTenant();
        List<PurposeView> views = new ArrayList<>();
        for (ConsentPurpose builtIn : ConsentPurpose.BUILT_IN) {
            views.add(new PurposeView(builtIn.code(), builtIn.isMarketing()
                    ? "Campaigns and offers" : "Appointment messages on WhatsApp", builtIn.isMarketing(), true));
        }
        transactions.inTenant(tenant, () -> consentPurposes.list(tenant)).stream()
                .map(ConsentPurposesService::view).forEach(views::add);
        return views;
    }

    private static PurposeView view(CenterPurpose p) {
        return new PurposeView(p.purpose().code(), p.description(), p.marketing(), false);
    }
}
