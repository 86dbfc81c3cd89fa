package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.RateLimitedException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnauthenticatedException;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.AccountLifecyclePolicy;
import com.qleven.domain.tenancy.Invitation;
import com.qleven.domain.tenancy.Principal;
import com.qleven.domain.tenancy.Role;
import com.qleven.ports.shared.in.DispatchMail.DispatchReport;
import com.qleven.ports.shared.out.MailMessage;
import com.qleven.ports.tenancy.in.AcceptInvitation.Accepted;
import com.qleven.ports.tenancy.in.AcceptInvitationCommand;
import com.qleven.ports.tenancy.in.AddUserCommand;
import com.qleven.ports.tenancy.in.ChangePassword.ChangePasswordCommand;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.InvitationView;
import com.qleven.ports.tenancy.in.InviteUserCommand;
import com.qleven.ports.tenancy.in.RequestPasswordReset.RequestPasswordResetCommand;
import com.qleven.ports.tenancy.in.ResetPassword.ResetPasswordCommand;
import com.qleven.ports.tenancy.in.SessionView;
import com.qleven.ports.tenancy.in.SignIn.SignInResult;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.in.SignUp.SignUpResult;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.tenancy.in.UpdateUserCommand;
import com.qleven.ports.tenancy.in.UserView;
import com.qleven.ports.testing.MutableClock;
import com.qleven.ports.testing.RecordingMailer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account lifecycle through the SDK facade, against every store, with a clock the tests move:
 * invitations, password resets, role changes and deactivation, sessions and password changes, and
 * the mail outbox that carries the links.
 */
public abstract class AccountLifecycleUseCasesSuite extends UseCasesSuiteBase {
    protected static final String PASSWORD = "correct horse battery";
    protected static final String NEW_PASSWORD = "a brand new passphrase";

    protected MutableClock clock;
    protected QlevenStore store;
    protected Qleven qleven;
    protected RecordingMailer mailer;
    private ClientInfo client;

    @BeforeEach
    void buildCore() {
        clock = new MutableClock(Instant.parse("2026-03-29T08:00:00Z"));
        client = clientAtAnAddressOfItsOwn("Mozilla/5.0 lifecycle", Optional.of("ES"));
        store = newStore();
        mailer = new RecordingMailer();
        qleven = core(store).clock(clock).signupsPerAddressPerHour(1000)
                .mailer(mailer).publicUrl(URI.create("https://app.qleven.test/")).build();
    }

    private static String email() {
        return "person-" + UUID.randomUUID() + "@example.com";
    }

    private SignUpResult signUp(String adminEmail) {
        return qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica Sol").address("Calle Mayor 1").taxId("B12345678").country("ES")
                .timeZone("Europe/Madrid").currency("EUR").fullName("Ana López").email(adminEmail)
                .phone("+34600111222").password(PASSWORD).ageConfirmed(true).client(client).build());
    }

    private SignInResult signIn(String email, String password, Optional<TenantId> tenant) {
        return qleven.tenancy().signIn(new SignInCommand(email, password, tenant, client));
    }

    private Principal principal(String email, String password, Optional<TenantId> tenant) {
        return qleven.tenancy().authenticate(signIn(email, password, tenant).token());
    }

    private Principal admin(String email) {
        return principal(email, PASSWORD, Optional.empty());
    }

    /** Sends what is due, as the host's dispatcher does. */
    private DispatchReport dispatch() {
        return qleven.platform().dispatchMail(50);
    }

    private String invite(Principal admin, String email, String role) {
        qleven.tenancy().invite(admin, InviteUserCommand.parse(email, role));
        dispatch();
        return mailer.lastToken(email);
    }

    private Accepted accept(String token, String password) {
        return qleven.tenancy().acceptInvitation(AcceptInvitationCommand.builder()
                .token(token).fullName("Luis Pérez").phone("+34611222333").password(password).ageConfirmed(true)
                .client(client).build());
    }

    @Test
    void anInvitedPersonGetsALinkByMailAcceptsItAndSignsIn() {
        String adminEmail = email();
        SignUpResult center = signUp(adminEmail);
        Principal admin = admin(adminEmail);
        String invited = email();

        InvitationView view = qleven.tenancy().invite(admin, InviteUserCommand.parse(invited, "professional"));
        assertThat(view.status()).isEqualTo(Invitation.Status.PENDING);
        assertThat(view.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(72)));
        assertThat(mailer.sent()).as("nothing leaves before the dispatcher runs").isEmpty();
        assertThat(qleven.tenancy().pendingInvitations(admin, PageRequest.first()).items())
                .extracting(InvitationView::email).containsExactly(invited);

        assertThat(dispatch().sent()).isEqualTo(1);
        MailMessage mail = mailer.to(invited).get(0);
        assertThat(mail.subject()).contains("Clínica Sol");
        assertThat(mail.text()).contains("https://app.qleven.test/accept-invitation#token=qi_").contains("professional");
        String token = mailer.lastToken(invited);

        Accepted accepted = accept(token, "luis's own passphrase");
        assertThat(accepted.tenantId()).isEqualTo(center.tenantId());
        Principal luis = principal(invited, "luis's own passphrase", Optional.empty());
        assertThat(luis.role()).isEqualTo(Role.PROFESSIONAL);
        UserView me = qleven.tenancy().me(luis);
        assertThat(me.fullName()).isEqualTo("Luis Pérez");
        assertThat(me.email()).isEqualTo(invited);
        assertThat(me.phone()).contains("+34611222333");
        assertThat(qleven.tenancy().pendingInvitations(admin, PageRequest.first()).items()).isEmpty();
        assertThat(qleven.tenancy().getInvitation(admin, view.id()).status()).isEqualTo(Invitation.Status.ACCEPTED);
        assertThat(dispatch().handled()).as("a sent mail is gone from the outbox").isZero();
    }

    @Test
    void anInvitationSeventyThreeHoursOldIsRefusedAndWritesNothing() {
        String adminEmail = email();
        signUp(adminEmail);
        String invited = email();
        String token = invite(admin(adminEmail), invited, "receptionist");

        clock.advance(Duration.ofHours(73));

        assertThatThrownBy(() -> accept(token, "luis's own passphrase"))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> assertThat(e.field()).isEqualTo("token"));
        assertThatThrownBy(() -> signIn(invited, "luis's own passphrase", Optional.empty()))
                .isInstanceOf(UnauthenticatedException.class);
        assertThat(qleven.tenancy().pendingInvitations(admin(adminEmail), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void aLinkWorksOnceAnUnknownOneNeverAndANewerInvitationVoidsTheOlder() {
        String adminEmail = email();
        signUp(adminEmail);
        Principal admin = admin(adminEmail);
        String invited = email();
        String first = invite(admin, invited, "receptionist");
        String second = invite(admin, invited, "professional");

        Throwable replaced = catchThrowable(() -> accept(first, "luis's own passphrase"));
        Throwable unknown = catchThrowable(() -> accept("qi_" + "A".repeat(43), "luis's own passphrase"));
        assertThat(replaced).isInstanceOf(UnprocessableException.class).hasMessage(unknown.getMessage());
        assertThat(((UnprocessableException) unknown).field()).isEqualTo("token");

        accept(second, "luis's own passphrase");
        assertThat(principal(invited, "luis's own passphrase", Optional.empty()).role()).isEqualTo(Role.PROFESSIONAL);
        assertThatThrownBy(() -> accept(second, "another passphrase!!"))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> assertThat(e.field()).isEqualTo("token"));
    }

    @Test
    void anExistingAccountAcceptsWithItsOwnPasswordAndKeepsItsDetails() {
        String luis = email();
        SignUpResult home = signUp(luis);
        String otherAdmin = email();
        SignUpResult other = signUp(otherAdmin);
        String token = invite(admin(otherAdmin), luis, "receptionist");

        assertThatThrownBy(() -> accept(token, "not luis's password"))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThatThrownBy(() -> signIn(luis, PASSWORD, Optional.of(other.tenantId())))
                .as("a refused acceptance adds no membership").isInstanceOf(ConflictException.class);

        Accepted accepted = accept(token, PASSWORD);
        assertThat(accepted.userId()).isEqualTo(home.userId());
        Principal inOther = principal(luis, PASSWORD, Optional.of(other.tenantId()));
        assertThat(inOther.role()).isEqualTo(Role.RECEPTIONIST);
        assertThat(qleven.tenancy().me(inOther).fullName()).as("the account keeps its name").isEqualTo("Ana López");
    }

    @Test
    void aCenterSendsOnlySoManyInvitationsAndRequestsToJoinAnHour() {
        Qleven limited = Qleven.builder().store(store).cipher(cipher(store)).passwordHasher(hasher()).clock(clock)
                .chainSigner(chainSigner()).phoneNumbers(phoneNumbers()).signupsPerAddressPerHour(1000)
                .mailer(mailer).publicUrl(URI.create("https://app.qleven.test/"))
                .accountLifecycle(AccountLifecyclePolicy.DEFAULT.withMailsPerCenterPerHour(2))
                .build();
        String adminEmail = email();
        signUp(adminEmail);
        Principal admin = admin(adminEmail);
        limited.tenancy().invite(admin, InviteUserCommand.parse(email(), "professional"));
        limited.tenancy().invite(admin, InviteUserCommand.parse(email(), "professional"));
        assertThatThrownBy(() -> limited.tenancy().invite(admin, InviteUserCommand.parse(email(), "professional")))
                .isInstanceOfSatisfying(com.qleven.domain.shared.RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(java.time.Duration.ofHours(1)));
        String elsewhere = email();
        signUp(elsewhere);
        assertThatThrownBy(() -> limited.tenancy().addUser(admin, AddUserCommand.builder()
                .fullName("Eva").email(elsewhere).role("professional").password(PASSWORD).ageConfirmed(true).build()))
                .as("asking an existing account is a mail too")
                .isInstanceOf(com.qleven.domain.shared.RateLimitedException.class);
        assertThat(limited.tenancy().pendingInvitations(admin, PageRequest.first()).items()).hasSize(2);

        String otherAdmin = email();
        signUp(otherAdmin);
        limited.tenancy().invite(admin(otherAdmin), InviteUserCommand.parse(email(), "professional"));
        clock.advance(java.time.Duration.ofMinutes(61));
        Principal later = admin(adminEmail);
        limited.tenancy().invite(later, InviteUserCommand.parse(email(), "professional"));
    }

    @Test
    void anExistingAccountAcceptsARequestToJoinByLinkWithItsOwnPasswordOnly() {
        String person = email();
        signUp(person);
        String adminEmail = email();
        SignUpResult center = signUp(adminEmail);
        qleven.tenancy().addUser(admin(adminEmail), AddUserCommand.builder()
                .fullName("Eva").email(person).role("professional").password("the admin's choice 1")
                .ageConfirmed(true).build());
        dispatch();
        String token = mailer.lastToken(person);
        assertThat(token).startsWith("qm_");
        assertThatThrownBy(() -> qleven.tenancy().acceptMembershipByLink(token, "the admin's choice 1"))
                .isInstanceOfSatisfying(UnprocessableException.class,
                        e -> assertThat(e.field()).isEqualTo("password"));
        assertThatThrownBy(() -> signIn(person, PASSWORD, Optional.of(center.tenantId())))
                .isInstanceOf(ConflictException.class);
        assertThat(qleven.tenancy().acceptMembershipByLink(token, PASSWORD).tenantId()).isEqualTo(center.tenantId());
        assertThatThrownBy(() -> qleven.tenancy().acceptMembershipByLink(token, PASSWORD))
                .isInstanceOfSatisfying(UnprocessableException.class,
                        e -> assertThat(e.field()).isEqualTo("token"));
        assertThat(signIn(person, PASSWORD, Optional.of(center.tenantId())).token()).isNotBlank();
    }

    @Test
    void aCenterNameInMailCannotPoseAsALink() {
        String adminEmail = email();
        qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("www.evil.example").address("Calle Mayor 1").taxId("B12345678").country("ES")
                .timeZone("Europe/Madrid").currency("EUR").fullName("Ana López").email(adminEmail)
                .phone("+34600111222").password(PASSWORD).ageConfirmed(true).client(client).build());
        String to = email();
        invite(admin(adminEmail), to, "professional");
        MailMessage mail = mailer.to(to).get(0);
        assertThat(mail.subject()).doesNotContain("www.evil.example").contains("evil");
        assertThat(mail.text()).doesNotContain("www.evil.example").doesNotContain("www.");
    }

    @Test
    void invitingAMemberIsAConflictAndOnlyAdministratorsInvite() {
        String adminEmail = email();
        signUp(adminEmail);
        Principal admin = admin(adminEmail);
        String staff = email();
        qleven.tenancy().addUser(admin, AddUserCommand.builder()
                .fullName("Eva").email(staff).role("professional").password(PASSWORD).ageConfirmed(true).build());

        assertThatThrownBy(() -> qleven.tenancy().invite(admin, InviteUserCommand.parse(staff, "receptionist")))
                .isInstanceOf(ConflictException.class);
        Principal professional = principal(staff, PASSWORD, Optional.empty());
        assertThatThrownBy(() -> qleven.tenancy().invite(professional, InviteUserCommand.parse(email(), "receptionist")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.tenancy().pendingInvitations(professional, PageRequest.first()))
                .isInstanceOf(ForbiddenException.class);
        dispatch();
        assertThat(mailer.sent()).isEmpty();
    }

    @Test
    void anotherCentersInvitationIsNotFound() {
        String a = email();
        signUp(a);
        String b = email();
        signUp(b);
        InvitationView theirs = qleven.tenancy().invite(admin(b), InviteUserCommand.parse(email(), "receptionist"));

        Throwable foreign = catchThrowable(() -> qleven.tenancy().getInvitation(admin(a), theirs.id()));
        assertThat(foreign).isInstanceOf(NotFoundException.class);
        assertThat(qleven.tenancy().pendingInvitations(admin(a), PageRequest.first()).items()).isEmpty();
        dispatch();
    }

    @Test
    void aPasswordResetLinkWorksOnceForThirtyMinutesAndEndsEverySession() {
        String email = email();
        SignUpResult home = signUp(email);
        String otherAdmin = email();
        SignUpResult other = signUp(otherAdmin);
        invite(admin(otherAdmin), email, "professional");
        accept(mailer.lastToken(email), PASSWORD);
        String here = signIn(email, PASSWORD, Optional.of(home.tenantId())).token();
        String there = signIn(email, PASSWORD, Optional.of(other.tenantId())).token();

        qleven.tenancy().requestPasswordReset(RequestPasswordResetCommand.parse(email, client));
        dispatch();
        MailMessage mail = mailer.to(email).get(mailer.to(email).size() - 1);
        assertThat(mail.text()).contains("https://app.qleven.test/reset-password#token=qr_");
        String token = mailer.lastToken(email);
        clock.advance(Duration.ofMinutes(29));

        qleven.tenancy().resetPassword(new ResetPasswordCommand(token, NEW_PASSWORD));

        assertThatThrownBy(() -> qleven.tenancy().authenticate(here)).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> qleven.tenancy().authenticate(there)).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> signIn(email, PASSWORD, Optional.of(home.tenantId())))
                .isInstanceOf(UnauthenticatedException.class);
        assertThat(signIn(email, NEW_PASSWORD, Optional.of(home.tenantId())).token()).startsWith("qs_");
        assertThatThrownBy(() -> qleven.tenancy().resetPassword(new ResetPasswordCommand(token, "yet another passphrase")))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> assertThat(e.field()).isEqualTo("token"));

        qleven.tenancy().requestPasswordReset(RequestPasswordResetCommand.parse(email, client));
        dispatch();
        String late = mailer.lastToken(email);
        clock.advance(Duration.ofMinutes(31));
        assertThatThrownBy(() -> qleven.tenancy().resetPassword(new ResetPasswordCommand(late, "yet another passphrase")))
                .isInstanceOf(UnprocessableException.class);
        assertThat(signIn(email, NEW_PASSWORD, Optional.of(home.tenantId())).token()).startsWith("qs_");
    }

    @Test
    void anUnknownEmailIsAnsweredAlikeAndGetsNoMailAndBothAreRateLimited() {
        String known = email();
        signUp(known);
        String unknown = email();
        int limit = AccountLifecyclePolicy.DEFAULT.resetsPerEmailPerHour();
        for (int i = 0; i < limit; i++) {
            qleven.tenancy().requestPasswordReset(RequestPasswordResetCommand.parse(unknown, client));
            qleven.tenancy().requestPasswordReset(RequestPasswordResetCommand.parse(known.toUpperCase(), client));
        }
        dispatch();
        assertThat(mailer.to(unknown)).isEmpty();
        assertThat(mailer.to(known)).hasSize(limit);

        RateLimitedException forUnknown = org.assertj.core.api.Assertions.catchThrowableOfType(() -> qleven
                .tenancy().requestPasswordReset(RequestPasswordResetCommand.parse(unknown, client)),
                RateLimitedException.class);
        RateLimitedException forKnown = org.assertj.core.api.Assertions.catchThrowableOfType(() -> qleven
                .tenancy().requestPasswordReset(RequestPasswordResetCommand.parse(known, client)),
                RateLimitedException.class);
        assertThat(forKnown.getMessage()).isEqualTo(forUnknown.getMessage());
        assertThat(forKnown.retryAfter()).isEqualTo(forUnknown.retryAfter()).isPositive();
        clock.advance(Duration.ofHours(1));
        qleven.tenancy().requestPasswordReset(RequestPasswordResetCommand.parse(known, client));
    }

    @Test
    void aRoleChangeAppliesAtOnceAndTheLastAdministratorStays() {
        String adminEmail = email();
        SignUpResult center = signUp(adminEmail);
        Principal admin = admin(adminEmail);
        String staff = email();
        UserView eva = qleven.tenancy().addUser(admin, AddUserCommand.builder()
                .fullName("Eva").email(staff).role("receptionist").password(PASSWORD).ageConfirmed(true).build());
        String evaToken = signIn(staff, PASSWORD, Optional.empty()).token();

        UserView promoted = qleven.tenancy().updateUser(admin, eva.id(),
                new UpdateUserCommand(Optional.of(Role.ADMINISTRATOR), Optional.empty()));
        assertThat(promoted.role()).isEqualTo(Role.ADMINISTRATOR);
        assertThat(promoted.active()).isTrue();
        assertThat(qleven.tenancy().authenticate(evaToken).role()).isEqualTo(Role.ADMINISTRATOR);

        Principal evaAdmin = qleven.tenancy().authenticate(evaToken);
        qleven.tenancy().updateUser(evaAdmin, center.userId(),
                new UpdateUserCommand(Optional.of(Role.PROFESSIONAL), Optional.empty()));
        assertThatThrownBy(() -> qleven.tenancy().updateUser(evaAdmin, eva.id(),
                new UpdateUserCommand(Optional.of(Role.RECEPTIONIST), Optional.empty())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("last active administrator");
        assertThatThrownBy(() -> qleven.tenancy().updateUser(evaAdmin, eva.id(),
                new UpdateUserCommand(Optional.empty(), Optional.of(false)))).isInstanceOf(ConflictException.class);
        assertThat(qleven.tenancy().getUser(evaAdmin, eva.id()).role()).isEqualTo(Role.ADMINISTRATOR);
        Principal demoted = qleven.tenancy().authenticate(signIn(adminEmail, PASSWORD, Optional.empty()).token());
        assertThatThrownBy(() -> qleven.tenancy().updateUser(demoted, eva.id(),
                new UpdateUserCommand(Optional.of(Role.RECEPTIONIST), Optional.empty())))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void deactivationEndsTheSessionsAtOnceRefusesSignInAndReactivationRestoresIt() {
        String adminEmail = email();
        signUp(adminEmail);
        Principal admin = admin(adminEmail);
        String staff = email();
        UserView eva = qleven.tenancy().addUser(admin, AddUserCommand.builder()
                .fullName("Eva").email(staff).role("professional").password(PASSWORD).ageConfirmed(true).build());
        String evaToken = signIn(staff, PASSWORD, Optional.empty()).token();

        UserView off = qleven.tenancy().updateUser(admin, eva.id(), new UpdateUserCommand(Optional.empty(),
                Optional.of(false)));
        assertThat(off.active()).isFalse();
        assertThat(off.role()).isEqualTo(Role.PROFESSIONAL);
        assertThatThrownBy(() -> qleven.tenancy().authenticate(evaToken)).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> signIn(staff, PASSWORD, Optional.empty())).isInstanceOf(UnauthenticatedException.class);
        assertThat(qleven.tenancy().listUsers(admin, PageRequest.first()).items())
                .filteredOn(u -> u.id().equals(eva.id())).singleElement()
                .satisfies(u -> assertThat(u.active()).isFalse());

        UserView on = qleven.tenancy().updateUser(admin, eva.id(), new UpdateUserCommand(Optional.empty(),
                Optional.of(true)));
        assertThat(on.active()).isTrue();
        assertThat(principal(staff, PASSWORD, Optional.empty()).role()).isEqualTo(Role.PROFESSIONAL);
        assertThatThrownBy(() -> qleven.tenancy().authenticate(evaToken))
                .as("reactivation does not bring ended sessions back").isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void anotherCentersUserCannotBeChanged() {
        String a = email();
        signUp(a);
        String b = email();
        SignUpResult other = signUp(b);

        Throwable foreign = catchThrowable(() -> qleven.tenancy().updateUser(admin(a), other.userId(),
                new UpdateUserCommand(Optional.empty(), Optional.of(false))));
        Throwable none = catchThrowable(() -> qleven.tenancy().updateUser(admin(a), new UserId(UUID.randomUUID()),
                new UpdateUserCommand(Optional.empty(), Optional.of(false))));
        assertThat(foreign).isInstanceOf(NotFoundException.class).hasMessage(none.getMessage());
        assertThat(principal(b, PASSWORD, Optional.empty()).role()).isEqualTo(Role.ADMINISTRATOR);
    }

    @Test
    void aPersonListsAndRevokesTheirOwnSessionsOnly() {
        String email = email();
        signUp(email);
        SignInResult older = signIn(email, PASSWORD, Optional.empty());
        clock.advance(Duration.ofMinutes(1));
        SignInResult current = signIn(email, PASSWORD, Optional.empty());
        Principal me = qleven.tenancy().authenticate(current.token());
        String colleagueEmail = email();
        qleven.tenancy().addUser(me, AddUserCommand.builder()
                .fullName("Eva").email(colleagueEmail).role("professional").password(PASSWORD).ageConfirmed(true)
                .build());
        SignInResult colleague = signIn(colleagueEmail, PASSWORD, Optional.empty());

        List<SessionView> sessions = qleven.tenancy().listSessions(me, PageRequest.first()).items();
        assertThat(sessions).extracting(SessionView::id).containsExactly(current.sessionId(), older.sessionId());
        assertThat(sessions).extracting(SessionView::current).containsExactly(true, false);
        assertThat(sessions.get(0).ip()).isEqualTo(client.ip());
        assertThat(sessions.get(0).userAgent()).isEqualTo("Mozilla/5.0 lifecycle");
        assertThat(sessions.get(0).country()).contains("ES");
        assertThat(sessions.get(0).expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));

        assertThatThrownBy(() -> qleven.tenancy().revokeSession(me, colleague.sessionId()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.tenancy().getSession(me, colleague.sessionId()))
                .isInstanceOf(NotFoundException.class);
        assertThat(qleven.tenancy().getSession(me, older.sessionId()).current()).isFalse();
        assertThat(qleven.tenancy().authenticate(colleague.token())).isNotNull();
        qleven.tenancy().revokeSession(me, older.sessionId());
        assertThatThrownBy(() -> qleven.tenancy().authenticate(older.token()))
                .isInstanceOf(UnauthenticatedException.class);
        SessionView revoked = qleven.tenancy().listSessions(me, PageRequest.first()).items().get(1);
        assertThat(revoked.endedAt()).contains(clock.instant());
        assertThat(revoked.endReason()).contains("revoked");
    }

    @Test
    void aPasswordChangeKeepsThisSessionAndEndsTheOthersInEveryCenter() {
        String email = email();
        SignUpResult home = signUp(email);
        String otherAdmin = email();
        SignUpResult other = signUp(otherAdmin);
        invite(admin(otherAdmin), email, "professional");
        accept(mailer.lastToken(email), PASSWORD);
        SignInResult here = signIn(email, PASSWORD, Optional.of(home.tenantId()));
        String elsewhere = signIn(email, PASSWORD, Optional.of(home.tenantId())).token();
        String there = signIn(email, PASSWORD, Optional.of(other.tenantId())).token();
        Principal me = qleven.tenancy().authenticate(here.token());

        assertThatThrownBy(() -> qleven.tenancy().changePassword(me, new ChangePasswordCommand("wrong password!", NEW_PASSWORD)))
                .isInstanceOfSatisfying(UnprocessableException.class,
                        e -> assertThat(e.field()).isEqualTo("currentPassword"));
        assertThat(qleven.tenancy().authenticate(elsewhere)).isNotNull();

        qleven.tenancy().changePassword(me, new ChangePasswordCommand(PASSWORD, NEW_PASSWORD));

        assertThat(qleven.tenancy().authenticate(here.token()).userId()).isEqualTo(me.userId());
        assertThatThrownBy(() -> qleven.tenancy().authenticate(elsewhere)).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> qleven.tenancy().authenticate(there)).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> signIn(email, PASSWORD, Optional.of(home.tenantId())))
                .isInstanceOf(UnauthenticatedException.class);
        assertThat(signIn(email, NEW_PASSWORD, Optional.of(other.tenantId())).token()).startsWith("qs_");
    }

    @Test
    void anSmtpOutageDelaysMailWithoutLosingItAndAnExpiredLinkIsNotSent() {
        String adminEmail = email();
        signUp(adminEmail);
        Principal admin = admin(adminEmail);
        String invited = email();
        mailer.down(true);
        qleven.tenancy().invite(admin, InviteUserCommand.parse(invited, "receptionist"));

        assertThat(dispatch().retried()).isPositive();
        mailer.down(false);
        dispatch();
        assertThat(mailer.to(invited)).as("not due again before its backoff").isEmpty();
        clock.advance(Duration.ofSeconds(40));
        assertThat(dispatch().sent()).isPositive();
        assertThat(mailer.to(invited)).hasSize(1);
        accept(mailer.lastToken(invited), "luis's own passphrase");

        String late = email();
        mailer.down(true);
        qleven.tenancy().requestPasswordReset(RequestPasswordResetCommand.parse(adminEmail, client));
        qleven.tenancy().invite(admin, InviteUserCommand.parse(late, "receptionist"));
        assertThat(dispatch().retried()).isGreaterThanOrEqualTo(2);
        mailer.down(false);
        clock.advance(Duration.ofMinutes(31));
        DispatchReport report = dispatch();
        assertThat(report.abandoned()).as("the reset link expired while the server was down").isPositive();
        assertThat(mailer.to(adminEmail)).isEmpty();
        assertThat(mailer.to(late)).hasSize(1);
    }

    @Test
    void aMemberPatchAsTypedIsReadByTheCommandAsTheApiReadsIt() {
        String adminEmail = email();
        signUp(adminEmail);
        Principal admin = admin(adminEmail);
        UserView eva = qleven.tenancy().addUser(admin, AddUserCommand.builder()
                .fullName("Eva").email(email()).role("receptionist").password(PASSWORD).ageConfirmed(true).build());

        UserView changed = qleven.tenancy().updateUser(admin, eva.id(),
                UpdateUserCommand.mergePatch(Map.of("role", "professional", "active", false)));

        assertThat(changed.role()).isEqualTo(Role.PROFESSIONAL);
        assertThat(changed.active()).isFalse();
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("role", null);
        bad.put("active", "yes");
        bad.put("fullName", "Eve");
        assertThatThrownBy(() -> UpdateUserCommand.mergePatch(bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::message).containsExactly(
                                tuple("role", "cannot be cleared"), tuple("active", "must be true or false"),
                                tuple("fullName", "is not a known member")));
        Map<String, Object> wrongTypes = new LinkedHashMap<>();
        wrongTypes.put("role", 3);
        wrongTypes.put("active", null);
        assertThatThrownBy(() -> UpdateUserCommand.mergePatch(wrongTypes))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::message).containsExactly(
                                tuple("role", "must be one of administrator, professional, receptionist"),
                                tuple("active", "cannot be cleared")));
        assertThatThrownBy(() -> UpdateUserCommand.mergePatch(Map.of("role", "operator")))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("role: ");
        assertThat(UpdateUserCommand.mergePatch(Map.of()))
                .isEqualTo(new UpdateUserCommand(Optional.empty(), Optional.empty()));
        assertThat(qleven.tenancy().getUser(admin, eva.id()).role()).isEqualTo(Role.PROFESSIONAL);
    }

    @Test
    void anAnswerToAnInvitationAsTypedNamesEveryBadField() {
        assertThatThrownBy(() -> AcceptInvitationCommand.builder()
                .token("qr_not-an-invitation").fullName("Ana\u0007").phone("600 111 222").password("short").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("token", "fullName", "phone", "password", "ageConfirmed", "client"));
    }

    @Test
    void aResetRequestWithoutAnEmailNamesIt() {
        assertThatThrownBy(() -> qleven.tenancy().requestPasswordReset(RequestPasswordResetCommand.parse(null, client)))
                .isInstanceOf(ValidationException.class).hasMessage("email: is required");
    }
}
