package com.qleven.application.clients;

import com.qleven.domain.clients.Client;
import com.qleven.domain.clients.ClientDetails;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Center;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.in.ClientView;
import com.qleven.ports.clients.in.CreateClient;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.PhoneNumbers;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.out.Centers;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Records a client: sealed field by field, indexed, and audited in the same unit of work. */
public final class CreateClientService implements CreateClient {
    private final Transactions transactions;
    private final Centers centers;
    private final Clients clients;
    private final ClientSeal seal;
    private final PhoneNumbers phones;
    private final AuditTrail audit;
    private final Clock clock;
    private final IdGenerator ids;

    public CreateClientService(Transactions transactions, Centers centers, Clients clients, FieldCipher cipher,
                               PhoneNumbers phones, AuditTrail audit, Clock clock, IdGenerator ids) {
        this.transactions = transactions;
        this.centers = centers;
        this.clients = clients;
        this.seal = new ClientSeal(cipher);
        this.phones = phones;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public ClientView create(Principal principal, CreateClientCommand command) {
        Required.field(command, "command");
        Permissions.require(principal, Permission.MANAGE_CLIENTS);
        if (command.hasNotes()) {
            ClientAccess.requireNotes(principal);
        }
        TenantId tenant = principal.requireTenant();
        // Every store keeps microseconds: the answer shows the instant as it will read back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ClientId id = new ClientId(ids.next());
        return transactions.inTenant(tenant, () -> {
            Center center = ClientAccess.center(centers, tenant);
            String country = center.profile().country();
            ClientDetails details = ClientDetails.parse(command.fullName(), command.phone(), command.email(),
                    command.birthDate(), command.notes(), command.billingIdentity().orElse(null),
                    command.preferredLanguage(), raw -> phones.parse("phone", raw, country),
                    ClientAccess.today(center, now));
            Client client = Client.create(id, tenant, details, now);
            ClientSeal.Sealed sealed = seal.sealNew(client);
            clients.add(sealed.stored(), sealed.nameTokens());
            ClientAccess.record(audit, principal, "client.create", Optional.of(id.value()), 1, now);
            return ClientAccess.view(client, ClientAccess.mayReadNotes(principal));
        });
    }
}
