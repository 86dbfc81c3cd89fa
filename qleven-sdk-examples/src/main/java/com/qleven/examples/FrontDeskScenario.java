package com.qleven.examples;

import com.qleven.application.Qleven;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.clients.in.ClientSearch;
import com.qleven.ports.clients.in.ClientView;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.consent.in.RecordConsentCommand;
import com.qleven.ports.tenancy.in.AddUserCommand;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.in.SignUp.SignUpResult;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.tenancy.in.UserView;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Optional;

/**
 * What a partner's system does with the core, whatever the store: open a center, sign its
 * administrator in, add a receptionist, and see that the receptionist may not add staff; then the
 * receptionist records a client, the administrator the client's WhatsApp consent, and a sender asks
 * the ledger before messaging. Each use case is a verb of its context's facade.
 */
public final class FrontDeskScenario {
    private FrontDeskScenario() {
    }

    /** The outcome, for the caller to check. */
    public record Outcome(SignUpResult center, Page<UserView> staff, boolean receptionistRefused, ClientView client,
                          Page<ClientView> found, boolean whatsappAllowed) {
    }

    public static Outcome run(Qleven qleven, String adminEmail, PrintStream out) {
        ClientInfo partner = new ClientInfo("127.0.0.1", "partner-backoffice/1.0", Optional.empty());
        SignUpResult center = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica Sol").address("Calle Mayor 1, 28013 Madrid").taxId("B12345678")
                .country("ES").timeZone("Europe/Madrid").currency("EUR")
                .fullName("Ana López").email(adminEmail).phone("+34600111222")
                .password("a long admin passphrase").ageConfirmed(true)
                .client(partner)
                .build());
        out.println("center " + center.tenantId() + " opened by " + center.userId());

        String adminToken = qleven.tenancy().signIn(new SignInCommand(adminEmail, "a long admin passphrase",
                Optional.empty(), partner)).token();
        Principal admin = qleven.tenancy().authenticate(adminToken);

        String receptionistEmail = "front-desk+" + center.tenantId() + "@example.com";
        qleven.tenancy().addUser(admin, AddUserCommand.builder()
                .fullName("Luis Pérez").email(receptionistEmail).role("receptionist")
                .password("front desk passphrase").ageConfirmed(true)
                .build());
        Principal receptionist = qleven.tenancy().authenticate(qleven.tenancy().signIn(new SignInCommand(
                receptionistEmail, "front desk passphrase", Optional.empty(), partner)).token());

        boolean refused;
        try {
            qleven.tenancy().addUser(receptionist, AddUserCommand.builder()
                    .fullName("Eve").email("eve@example.com").role("administrator")
                    .password("eve wants in badly").ageConfirmed(true)
                    .build());
            refused = false;
        } catch (ForbiddenException expected) {
            out.println("receptionist refused: " + expected.getMessage());
            refused = true;
        }

        Page<UserView> staff = qleven.tenancy().listUsers(receptionist, PageRequest.first());
        staff.items().forEach(u -> out.println("staff: " + u.role().wireName() + " " + u.fullName()));

        ClientView lucia = qleven.clients().create(receptionist, CreateClientCommand.builder()
                .fullName("Lucía Fernández").phone("600 111 222").email("lucia@example.com")
                .build());
        Page<ClientView> found = qleven.clients().search(receptionist, ClientSearch.parse(null, null, "luc fer"),
                PageRequest.first());
        qleven.consent().record(admin, lucia.id(), RecordConsentCommand.builder()
                .purpose("whatsapp").decision("granted").channel("in_person").textVersion("2026-03")
                .text("I agree to receive appointment messages on WhatsApp.")
                .build());
        boolean whatsapp = qleven.consent().allows(center.tenantId(), lucia.id(), ConsentPurpose.WHATSAPP,
                Instant.now());
        out.println("client " + lucia.id() + " found by name: " + found.items().size() + ", WhatsApp allowed: "
                + whatsapp);

        qleven.tenancy().signOut(admin);
        qleven.tenancy().signOut(receptionist);
        return new Outcome(center, staff, refused, lucia, found, whatsapp);
    }
}
