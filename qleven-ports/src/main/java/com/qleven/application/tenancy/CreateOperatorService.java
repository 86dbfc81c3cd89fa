package com.qleven.application.tenancy;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Account;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.in.CreateOperator;
import com.qleven.ports.tenancy.out.Accounts;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class CreateOperatorService implements CreateOperator {
    private static final System.Logger LOG = System.getLogger(CreateOperatorService.class.getName());
    private final Transactions transactions;
    private final Directory directory;
    private final Accounts accounts;
    private final AccountFields fields;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final IdGenerator ids;
    private final AuditTrail audit;

    public CreateOperatorService(Transactions transactions, Directory directory, Accounts accounts, FieldCipher cipher,
                                 PasswordHasher hasher, Clock clock, IdGenerator ids, AuditTrail audit) {
        this.transactions = transactions;
        this.directory = directory;
        this.accounts = accounts;
        this.fields = new AccountFields(cipher);
        this.hasher = hasher;
        this.clock = clock;
        this.ids = ids;
        this.audit = audit;
    }

    @Override
    public UserId create(CreateOperatorCommand command) {
        Required.field(command, "command");
        BlindIndex email = fields.emailIndex(command.person().email());
        String passwordHash = hasher.hash(command.password());
        Instant now = clock.instant();
        UserId id = new UserId(ids.next());
        transactions.global(() -> {
            if (!directory.claimAccountEmail(email, id)) {
                throw new ConflictException("an account with this email already exists");
            }
            accounts.add(fields.seal(new Account(id, command.person(), now, true, now), passwordHash));
            // No actor: operators are created from the command line, by whoever runs the installation.
            audit.record(new AuditEvent(Optional.empty(), Optional.empty(), Optional.empty(), "account.create",
                    "account", Optional.of(id.value()), "operator created from the command line", 1, now));
        });
        LOG.log(System.Logger.Level.INFO, "event=operator_created user=" + id);
        return id;
    }
}
