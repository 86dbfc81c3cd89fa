package com.qleven.application.privacy;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.privacy.Subprocessor;
import com.qleven.domain.privacy.SubprocessorId;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.privacy.in.ManageSubprocessors;
import com.qleven.ports.privacy.out.Subprocessors;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The sub-processor register. Edits are the platform's, recorded on its audit chain; reading is
 * open to everyone signed in, since the register names companies, never people, and every center
 * (as controller) must be able to tell its clients who processes their data.
 */
public final class ManageSubprocessorsService implements ManageSubprocessors {
    private static final String PURPOSE = "sub-processor register (policy 8)";
    private final Transactions transactions;
    private final Subprocessors subprocessors;
    private final AuditTrail audit;
    private final Clock clock;
    private final IdGenerator ids;

    public ManageSubprocessorsService(Transactions transactions, Subprocessors subprocessors, AuditTrail audit,
                                      Clock clock, IdGenerator ids) {
        this.transactions = transactions;
        this.subprocessors = subprocessors;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Subprocessor add(Principal principal, SubprocessorFields fields) {
        // The refusal comes first: a caller who may not edit the register learns nothing of its rules.
        Permissions.require(principal, Permission.MANAGE_SUBPROCESSORS);
        Required.field(fields, "fields");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Subprocessor entry = new Subprocessor(new SubprocessorId(ids.next()), fields.name(), fields.purpose(),
                fields.region(), fields.transferSafeguard(), now);
        transactions.global(() -> {
            subprocessors.add(entry);
            audit.record(AuditEvent.by(principal, "subprocessor.create", "subprocessor",
                    Optional.of(entry.id().value()), PURPOSE, 1, now));
        });
        return entry;
    }

    @Override
    public Subprocessor update(Principal principal, SubprocessorId id, SubprocessorChange change) {
        Permissions.require(principal, Permission.MANAGE_SUBPROCESSORS);
        Required.field(id, "id");
        Required.field(change, "change");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.global(() -> {
            Subprocessor current = subprocessors.byId(id)
                    .orElseThrow(() -> new NotFoundException("sub-processor"));
            Subprocessor changed = new Subprocessor(id, change.name().orElse(current.name()),
                    change.purpose().orElse(current.purpose()), change.region().orElse(current.region()),
                    change.transferSafeguard().orElse(current.transferSafeguard()), now);
            subprocessors.update(changed);
            audit.record(AuditEvent.by(principal, "subprocessor.update", "subprocessor", Optional.of(id.value()),
                    PURPOSE, 1, now));
            return changed;
        });
    }

    @Override
    public List<Subprocessor> list(Principal principal) {
        return transactions.global(() -> subprocessors.list());
    }
}
