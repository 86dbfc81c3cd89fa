package com.qleven.examples;

import com.qleven.application.Qleven;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.tenancy.in.AddUserCommand;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.in.SignUp.SignUpResult;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.tenancy.in.UserView;
import java.io.PrintStream;
import java.util.Optional;

/**
 * What a partner's system does with the core, whatever the store: open a center, sign its
 * administrator in, add a receptionist, and see that the receptionist may not add staff.
 */
public final class FrontDeskScenario {
    private FrontDeskScenario() {
    }

    /** The outcome, for the caller to check. */
    public record Outcome(SignUpResult center, Page<UserView> staff, boolean receptionistRefused) {
    }

    public static Outcome run(Qleven qleven, String adminEmail, PrintStream out) {
        ClientInfo partner = new ClientInfo("127.0.0.1", "partner-backoffice/1.0", Optional.empty());
        SignUpResult center = qleven.signUp().signUp(SignUpCommand.builder()
                .centerName("Clínica Sol").address("Calle Mayor 1, 28013 Madrid").taxId("B12345678")
                .country("ES").timeZone("Europe/Madrid").currency("EUR")
                .fullName("Ana López").email(adminEmail).phone("+34600111222")
                .password("a long admin passphrase").ageConfirmed(true)
                .client(partner)
                .build());
        out.println("center " + center.tenantId() + " opened by " + center.userId());

        String adminToken = qleven.signIn().signIn(new SignInCommand(adminEmail, "a long admin passphrase",
                Optional.empty(), partner)).token();
        Principal admin = qleven.authenticate().authenticate(adminToken);

        String receptionistEmail = "front-desk+" + center.tenantId() + "@example.com";
        qleven.addUser().add(admin, AddUserCommand.builder()
                .fullName("Luis Pérez").email(receptionistEmail).role("receptionist")
                .password("front desk passphrase").ageConfirmed(true)
                .build());
        Principal receptionist = qleven.authenticate().authenticate(qleven.signIn().signIn(new SignInCommand(
                receptionistEmail, "front desk passphrase", Optional.empty(), partner)).token());

        boolean refused;
        try {
            qleven.addUser().add(receptionist, AddUserCommand.builder()
                    .fullName("Eve").email("eve@example.com").role("administrator")
                    .password("eve wants in badly").ageConfirmed(true)
                    .build());
            refused = false;
        } catch (ForbiddenException expected) {
            out.println("receptionist refused: " + expected.getMessage());
            refused = true;
        }

        Page<UserView> staff = qleven.listUsers().list(receptionist, PageRequest.first());
        staff.items().forEach(u -> out.println("staff: " + u.role().wireName() + " " + u.fullName()));
        qleven.signOut().signOut(admin);
        qleven.signOut().signOut(receptionist);
        return new Outcome(center, staff, refused);
    }
}
