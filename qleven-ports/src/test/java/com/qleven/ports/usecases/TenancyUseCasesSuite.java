package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import com.qleven.domain.tenancy.MembershipStatus;
import com.qleven.domain.tenancy.PersonDetails;
import com.qleven.domain.tenancy.Principal;
import com.qleven.domain.tenancy.Role;

import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.tenancy.in.AddUserCommand;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.CreateOperator;
import com.qleven.ports.tenancy.in.SignIn.SignInResult;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.in.SignUp.SignUpResult;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.tenancy.in.UpdateUserCommand;
import com.qleven.ports.tenancy.in.UserView;
import com.qleven.ports.tenancy.out.StoredSession;
import com.qleven.ports.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tenancy use cases through the SDK facade, run against every store (in memory and PostgreSQL)
 * so that an embedder gets the same behaviour from either.
 */
public abstract class TenancyUseCasesSuite extends UseCasesSuiteBase {
    protected static final String PASSWORD = "correct horse battery";
    /** The password of the people administrators add. */
    protected static final String STAFF_PASSWORD = "another good password";

    protected MutableClock clock;
    protected QlevenStore store;
    protected Qleven qleven;
    /** A new address per test: stores outlive a test, and failures are also counted per address. */
    private ClientInfo client;

    @BeforeEach
    void buildCore() {
        clock = new MutableClock(Instant.parse("2026-03-29T08:00:00Z"));
        client = clientAtAnAddressOfItsOwn("Mozilla/5.0 test", Optional.of("ES"));
        store = newStore();
        qleven = core(store).clock(clock).signupsPerAddressPerHour(1000).build();
    }

    protected static String email() {
        return "person-" + UUID.randomUUID() + "@example.com";
    }

    protected SignUpResult signUp(String adminEmail) {
        return qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica Sol").address("Calle Mayor 1").taxId("B12345678").country("ES")
                .timeZone("Europe/Madrid").currency("EUR").fullName("Ana López").email(adminEmail)
                .phone("+34600111222").password(PASSWORD).ageConfirmed(true).client(client).build());
    }

    protected SignInResult signIn(String email, String password, Optional<TenantId> tenant) {
        return qleven.tenancy().signIn(new SignInCommand(email, password, tenant, client));
    }

    protected Principal principal(String email) {
        return principal(email, PASSWORD);
    }

    protected Principal principal(String email, String password) {
        return qleven.tenancy().authenticate(signIn(email, password, Optional.empty()).token());
    }

    protected UserView addUser(Principal admin, String email, String role) {
        return qleven.tenancy().addUser(admin, AddUserCommand.builder()
                .fullName("Luis Pérez").email(email).role(role).password(STAFF_PASSWORD).ageConfirmed(true).build());
    }

    @Test
    void signUpCreatesTheCenterAndItsAdministrator() {
        String email = email();
        SignUpResult result = signUp(email);
        Principal admin = principal(email);
        assertThat(admin.tenantId()).contains(result.tenantId());
        assertThat(admin.userId()).isEqualTo(result.userId());
        assertThat(admin.role()).isEqualTo(Role.ADMINISTRATOR);
        UserView me = qleven.tenancy().me(admin);
        assertThat(me.fullName()).isEqualTo("Ana López");
        assertThat(me.email()).isEqualTo(email);
        assertThat(me.phone()).contains("+34600111222");
        assertThat(me.ageConfirmedAt()).isEqualTo(clock.instant());
    }

    @Test
    void personalDataIsStoredOnlyAsCiphertext() {
        String email = email();
        SignUpResult result = signUp(email);
        var stored = store.shared().transactions().global(() -> store.tenancy().accounts().byId(result.userId()))
                .orElseThrow();
        for (byte[] field : List.of(stored.fullName(), stored.email(), stored.phone())) {
            String raw = new String(field, StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain("Ana").doesNotContain(email).doesNotContain("600111222");
        }
        assertThat(stored.passwordHash()).doesNotContain(PASSWORD);
    }

    @Test
    void signUpWithoutAgeConfirmationIsRefusedAndWritesNothing() {
        String email = email();
        assertThatThrownBy(() -> qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("C").address("A").taxId("T").country("ES").timeZone("Europe/Madrid").currency("EUR")
                .fullName("Ana").email(email).password(PASSWORD).ageConfirmed(false).client(client).build()))
                .isInstanceOfSatisfying(UnprocessableException.class,
                        e -> assertThat(e.field()).isEqualTo("admin.ageConfirmed"));
        assertThatThrownBy(() -> signIn(email, PASSWORD, Optional.empty())).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void signUpNamesEveryBadField() {
        assertThatThrownBy(() -> SignUpCommand.builder()
                .address("A").taxId("T").country("ZZ").timeZone("Nowhere/City").currency("EUR").fullName("")
                .email("not-an-email").phone("600").password("short").client(client).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .contains("center.name", "center.country", "center.timeZone", "admin.fullName",
                                "admin.email", "admin.phone", "admin.password", "admin.ageConfirmed"));
    }

    @Test
    void aSignInAsTypedReadsTheCenterIdAndNamesEveryBadField() {
        String email = email();
        SignUpResult center = signUp(email);

        SignInResult signedIn = qleven.tenancy().signIn(SignInCommand.parse(email, PASSWORD,
                center.tenantId().toString(), client));

        assertThat(signedIn.tenantId()).contains(center.tenantId());
        assertThat(SignInCommand.parse(email, PASSWORD, null, client).tenantId()).isEmpty();
        assertThatThrownBy(() -> SignInCommand.parse(null, "", "center-1", client))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::message).containsExactly(
                                tuple("email", "is required"), tuple("password", "is required"),
                                tuple("tenantId", "must be a center id (a UUID)")));
    }

    @Test
    void addingAUserAsTypedNamesEveryBadField() {
        assertThatThrownBy(() -> AddUserCommand.builder()
                .email("not-an-email").role("operator").password("short").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("fullName", "email", "role", "password", "ageConfirmed"));
        AddUserCommand built = AddUserCommand.builder().fullName(" Luis ").email("Luis@Example.com")
                .phone("+34600111222").role("professional").password(PASSWORD).ageConfirmed(true).build();
        assertThat(built.role()).isEqualTo(Role.PROFESSIONAL);
        assertThat(built.person().email().value()).isEqualTo("luis@example.com");
        assertThat(built.ageConfirmed()).isTrue();
    }

    @Test
    void anEmailThatHasAnAccountCannotSignUpAgain() {
        String email = email();
        signUp(email);
        assertThatThrownBy(() -> signUp(email.toUpperCase(java.util.Locale.ROOT))).isInstanceOf(ConflictException.class);
    }

    @Test
    void signUpsFromOneAddressAreRateLimited() {
        Qleven strict = Qleven.builder().store(store).cipher(cipher(store)).passwordHasher(hasher()).clock(clock)
                .chainSigner(chainSigner()).phoneNumbers(phoneNumbers()).signupsPerAddressPerHour(2).build();
        ClientInfo from = new ClientInfo("198.51.100." + (int) (Math.random() * 250), "ua", Optional.empty());
        for (int i = 0; i < 2; i++) {
            strict.tenancy().signUp(SignUpCommand.builder()
                    .centerName("C").address("A").taxId("T").country("ES").timeZone("Europe/Madrid").currency("EUR")
                    .fullName("Ana").email(email()).password(PASSWORD).ageConfirmed(true).client(from).build());
        }
        assertThatThrownBy(() -> strict.tenancy().signUp(SignUpCommand.builder()
                .centerName("C").address("A").taxId("T").country("ES").timeZone("Europe/Madrid").currency("EUR")
                .fullName("Ana").email(email()).password(PASSWORD).ageConfirmed(true).client(from).build()))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1)));
    }

    @Test
    void anUnknownEmailAndAWrongPasswordFailAlike() {
        String email = email();
        signUp(email);
        Throwable unknown = org.assertj.core.api.Assertions.catchThrowable(() -> signIn(email(), PASSWORD, Optional.empty()));
        Throwable wrong = org.assertj.core.api.Assertions.catchThrowable(() -> signIn(email, "wrong password!", Optional.empty()));
        assertThat(unknown).isInstanceOf(UnauthenticatedException.class);
        assertThat(wrong).isInstanceOf(UnauthenticatedException.class).hasMessage(unknown.getMessage());
    }

    @Test
    void repeatedFailuresAreSlowedThenRefusedAndDoNotLockOutOtherAccounts() {
        String email = email();
        signUp(email);
        List<Duration> slowDowns = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            try {
                signIn(email, "wrong password " + i, Optional.empty());
            } catch (UnauthenticatedException e) {
                slowDowns.add(e.slowDown());
            }
        }
        assertThat(slowDowns).hasSize(10);
        assertThat(slowDowns.get(0)).isZero();
        assertThat(slowDowns.get(9)).isPositive();
        RateLimitedException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> signIn(email, PASSWORD, Optional.empty()), RateLimitedException.class);
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
        String colleague = email();
        signUp(colleague);
        assertThat(signIn(colleague, PASSWORD, Optional.empty()).token()).startsWith("qs_");
        clock.advance(refused.retryAfter().minusSeconds(1));
        assertThatThrownBy(() -> signIn(email, PASSWORD, Optional.empty())).isInstanceOf(RateLimitedException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(signIn(email, PASSWORD, Optional.empty()).token()).startsWith("qs_");
    }

    @Test
    void simultaneousWrongPasswordsForOneAccountHashNoMoreThanTheLimit() throws Exception {
        String email = email();
        signUp(email);
        java.util.concurrent.atomic.AtomicInteger verified = new java.util.concurrent.atomic.AtomicInteger();
        PasswordHasher cheap = hasher();
        PasswordHasher counting = new PasswordHasher() {
            @Override
            public String hash(String password) {
                return cheap.hash(password);
            }

            @Override
            public boolean verify(String password, String hash) {
                verified.incrementAndGet();
                try {
                    Thread.sleep(20); // a hash takes time: the window in which attempts race
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return cheap.verify(password, hash);
            }
        };
        Qleven core = Qleven.builder().store(store).cipher(cipher(store)).passwordHasher(counting).clock(clock)
                .chainSigner(chainSigner()).phoneNumbers(phoneNumbers()).build();
        int limit = com.qleven.domain.tenancy.SignInThrottle.DEFAULT.refuseAfterShort();
        int attempts = 64;
        java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(attempts);
        try {
            List<java.util.concurrent.Future<?>> all = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                all.add(pool.submit(() -> {
                    go.await();
                    try {
                        core.tenancy().signIn(new SignInCommand(email, "not the password", Optional.empty(), client));
                    } catch (UnauthenticatedException e) {
                        wrong.incrementAndGet();
                    } catch (RateLimitedException e) {
                        refused.incrementAndGet();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<?> f : all) {
                f.get(2, java.util.concurrent.TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(wrong.get() + refused.get()).isEqualTo(attempts);
        assertThat(wrong.get()).as("attempts that tried the password").isEqualTo(limit);
        assertThat(verified.get()).as("passwords hashed").isEqualTo(limit);
        assertThatThrownBy(() -> signIn(email, PASSWORD, Optional.empty())).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void successfulSignInsAreNotCountedAgainstTheAddress() {
        String email = email();
        signUp(email);
        int perAddress = com.qleven.domain.tenancy.SignInThrottle.DEFAULT.refuseAfterPerAddress();
        for (int i = 0; i <= perAddress; i++) {
            assertThat(signIn(email, PASSWORD, Optional.empty()).token()).startsWith("qs_");
        }
        // And a failure after them is the first one: not slowed down.
        UnauthenticatedException first = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> signIn(email, "wrong password", Optional.empty()), UnauthenticatedException.class);
        assertThat(first.slowDown()).isZero();
    }

    @Test
    void anAccountInSeveralCentersChoosesOneOnlyAfterACorrectPassword() {
        String email = email();
        SignUpResult first = signUp(email);
        String otherAdmin = email();
        SignUpResult second = signUp(otherAdmin);
        addUser(principal(otherAdmin), email, "professional");
        qleven.tenancy().acceptMembership(principal(email), second.tenantId());

        assertThatThrownBy(() -> signIn(email, "wrong password!", Optional.empty()))
                .isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> signIn(email, PASSWORD, Optional.empty()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(((List<?>) e.details().get("centers"))
                        .stream().map(c -> String.valueOf(((Map<?, ?>) c).get("tenantId"))).toList())
                        .containsExactlyInAnyOrder(first.tenantId().toString(), second.tenantId().toString()));

        Principal inSecond = qleven.tenancy().authenticate(
                signIn(email, PASSWORD, Optional.of(second.tenantId())).token());
        assertThat(inSecond.tenantId()).contains(second.tenantId());
        assertThat(inSecond.role()).isEqualTo(Role.PROFESSIONAL);
        assertThatThrownBy(() -> signIn(email, PASSWORD, Optional.of(new TenantId(UUID.randomUUID()))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void addingAnExistingAccountOnlyAsksRevealsNothingAndKeepsItsPassword() {
        String email = email();
        SignUpResult home = signUp(email);
        String otherAdmin = email();
        SignUpResult other = signUp(otherAdmin);
        UserView added = addUser(principal(otherAdmin), email, "receptionist");
        UserView fresh = addUser(principal(otherAdmin), email(), "receptionist");

        assertThat(added.fullName()).isEqualTo(fresh.fullName()).isEqualTo("Luis Pérez");
        assertThat(added.status()).isEqualTo(MembershipStatus.PENDING);
        assertThat(fresh.status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(added.tenantId()).contains(other.tenantId());
        UserView seen = qleven.tenancy().getUser(principal(otherAdmin), added.id());
        assertThat(seen.fullName()).isEqualTo("Luis Pérez");
        assertThat(seen.phone()).isEmpty();
        assertThat(qleven.tenancy().listUsers(principal(otherAdmin), new PageRequest(200, Optional.empty())).items())
                .filteredOn(u -> u.id().equals(added.id()))
                .singleElement().satisfies(u -> assertThat(u.fullName()).isEqualTo("Luis Pérez"));
        // Not a member yet: no sign-in there, and the only choice is the home center.
        assertThatThrownBy(() -> signIn(email, PASSWORD, Optional.of(other.tenantId())))
                .isInstanceOf(ConflictException.class);
        assertThat(signIn(email, PASSWORD, Optional.empty()).tenantId()).contains(home.tenantId());
        assertThatThrownBy(() -> signIn(email, STAFF_PASSWORD, Optional.of(other.tenantId())))
                .isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> addUser(principal(otherAdmin), email, "professional"))
                .isInstanceOf(ConflictException.class);

        assertThat(qleven.tenancy().myMemberships(principal(email))).extracting(m -> m.status())
                .containsExactly(MembershipStatus.ACTIVE, MembershipStatus.PENDING);
        assertThat(qleven.tenancy().acceptMembership(principal(email), other.tenantId()).status())
                .isEqualTo(MembershipStatus.ACTIVE);
        assertThat(signIn(email, PASSWORD, Optional.of(other.tenantId())).token()).isNotBlank();
        assertThat(qleven.tenancy().getUser(principal(otherAdmin), added.id()).fullName()).isEqualTo("Ana López");
    }

    @Test
    void aDeclinedRequestIsGoneAndOnlyThePersonAnswersIt() {
        String email = email();
        signUp(email);
        String otherAdmin = email();
        SignUpResult other = signUp(otherAdmin);
        UserView added = addUser(principal(otherAdmin), email, "professional");
        // The asking administrator answers only for themselves.
        assertThat(qleven.tenancy().acceptMembership(principal(otherAdmin), other.tenantId()).role())
                .isEqualTo(Role.ADMINISTRATOR);
        assertThat(qleven.tenancy().getUser(principal(otherAdmin), added.id()).status())
                .isEqualTo(MembershipStatus.PENDING);
        assertThatThrownBy(() -> qleven.tenancy().updateUser(principal(otherAdmin), added.id(),
                new UpdateUserCommand(Optional.empty(), Optional.of(false)))).isInstanceOf(ConflictException.class);

        assertThat(qleven.tenancy().declineMembership(principal(email), other.tenantId()).status())
                .isEqualTo(MembershipStatus.DECLINED);
        assertThatThrownBy(() -> qleven.tenancy().getUser(principal(otherAdmin), added.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.tenancy().declineMembership(principal(email), other.tenantId()))
                .isInstanceOf(NotFoundException.class);
        assertThat(qleven.tenancy().myMemberships(principal(email))).hasSize(1);
    }

    @Test
    void anInactiveMembershipIsNoSignInChoice() {
        String email = email();
        SignUpResult home = signUp(email);
        String otherAdmin = email();
        SignUpResult other = signUp(otherAdmin);
        UserView added = addUser(principal(otherAdmin), email, "professional");
        qleven.tenancy().acceptMembership(principal(email), other.tenantId());
        assertThatThrownBy(() -> signIn(email, PASSWORD, Optional.empty())).isInstanceOf(ConflictException.class);

        qleven.tenancy().updateUser(principal(otherAdmin), added.id(),
                new UpdateUserCommand(Optional.empty(), Optional.of(false)));
        assertThat(signIn(email, PASSWORD, Optional.empty()).tenantId()).contains(home.tenantId());

        qleven.tenancy().updateUser(principal(otherAdmin), added.id(),
                new UpdateUserCommand(Optional.empty(), Optional.of(true)));
        assertThatThrownBy(() -> signIn(email, PASSWORD, Optional.empty())).as("active again: offered again")
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(((List<?>) e.details().get("centers"))
                        .stream().map(c -> (Map<?, ?>) c).toList())
                        .extracting(c -> String.valueOf(c.get("tenantId")))
                        .containsExactly(home.tenantId().toString(), other.tenantId().toString()));
    }

    @Test
    void onlyAdministratorsAddUsersAndEveryRoleListsOnlyItsCenter() {
        String adminEmail = email();
        SignUpResult center = signUp(adminEmail);
        Principal admin = principal(adminEmail);
        String receptionistEmail = email();
        addUser(admin, receptionistEmail, "receptionist");
        String professionalEmail = email();
        addUser(admin, professionalEmail, "professional");
        String strangerAdmin = email();
        signUp(strangerAdmin);

        Principal receptionist = principal(receptionistEmail, STAFF_PASSWORD);
        assertThatThrownBy(() -> addUser(receptionist, email(), "administrator")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> addUser(principal(professionalEmail, STAFF_PASSWORD), email(), "receptionist"))
                .isInstanceOf(ForbiddenException.class);

        var users = qleven.tenancy().listUsers(receptionist, PageRequest.first());
        assertThat(users.items()).extracting(UserView::email)
                .containsExactly(adminEmail, receptionistEmail, professionalEmail);
        assertThat(users.items()).allSatisfy(u -> assertThat(u.tenantId()).contains(center.tenantId()));
        assertThat(users.next()).isEmpty();
    }

    @Test
    void aUserOfAnotherCenterIsNotFoundExactlyAsOneThatDoesNotExist() {
        String adminEmail = email();
        signUp(adminEmail);
        Principal admin = principal(adminEmail);
        UserView colleague = addUser(admin, email(), "professional");
        assertThat(qleven.tenancy().getUser(admin, colleague.id()).email()).isEqualTo(colleague.email());

        String strangerEmail = email();
        SignUpResult stranger = signUp(strangerEmail);
        Throwable foreign = org.assertj.core.api.Assertions.catchThrowable(
                () -> qleven.tenancy().getUser(admin, stranger.userId()));
        Throwable missing = org.assertj.core.api.Assertions.catchThrowable(
                () -> qleven.tenancy().getUser(admin, new UserId(UUID.randomUUID())));
        assertThat(foreign).isInstanceOf(com.qleven.domain.shared.NotFoundException.class)
                .hasMessage(missing.getMessage());
        assertThat(missing).isInstanceOf(com.qleven.domain.shared.NotFoundException.class);
    }

    @Test
    void listsUsersAPageAtATime() {
        String adminEmail = email();
        signUp(adminEmail);
        Principal admin = principal(adminEmail);
        List<String> expected = new ArrayList<>(List.of(adminEmail));
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(1));
            String e = email();
            addUser(admin, e, "professional");
            expected.add(e);
        }
        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            var page = qleven.tenancy().listUsers(admin, new PageRequest(2, cursor));
            page.items().forEach(u -> seen.add(u.email()));
            cursor = page.next();
            pages++;
        } while (cursor.isPresent());
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
        assertThatThrownBy(() -> qleven.tenancy().listUsers(admin, new PageRequest(2, Optional.of("garbage"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("cursor"));
    }

    /**
     * Issue 8, one unit of work per request: the session's check and the work share one unit of
     * work, bound to the session's center (a failing use case undoes what it wrote in it, and the
     * center's own unit joins it); a refused token runs no work, and an expired session is still
     * ended although it is refused.
     */
    @Test
    void authenticatedRunsTheWorkInTheSessionsUnitOfWork() {
        String email = email();
        SignUpResult center = signUp(email);
        String token = signIn(email, PASSWORD, Optional.empty()).token();
        String staff = email();
        assertThatThrownBy(() -> qleven.tenancy().authenticated(token, admin -> {
            store.shared().transactions().inTenant(admin.tenantId().orElseThrow(), () -> addUser(admin,
                    staff, "professional"));
            throw new IllegalStateException("the request fails after its use case wrote");
        })).isInstanceOf(IllegalStateException.class);
        Principal admin = qleven.tenancy().authenticate(token);
        assertThat(admin.tenantId()).contains(center.tenantId());
        // The failed request's user was undone with it; the control adds the same email.
        assertThat(qleven.tenancy().authenticated(token, p -> addUser(p, staff, "professional").email()))
                .contains(staff);

        List<String> ran = new ArrayList<>();
        assertThat(qleven.tenancy().authenticated("not-a-token", p -> ran.add("bad token"))).isEmpty();
        assertThat(qleven.tenancy().authenticated(token + "x", p -> ran.add("unknown token"))).isEmpty();
        clock.advance(Duration.ofMinutes(31));
        assertThat(qleven.tenancy().authenticated(token, p -> ran.add("expired"))).isEmpty();
        assertThat(ran).isEmpty();
        Principal again = principal(email);
        StoredSession expired = store.shared().transactions().inTenant(center.tenantId(),
                () -> store.tenancy().sessions()
                .byId(Optional.of(center.tenantId()), admin.sessionId()).orElseThrow());
        assertThat(expired.endedAt()).as("the expired session was ended although it was refused").isPresent();
        assertThat(again.sessionId()).isNotEqualTo(admin.sessionId());
    }

    @Test
    void sessionsEndAfterThirtyIdleMinutesAndTwelveHoursAtMost() {
        String email = email();
        signUp(email);
        String token = signIn(email, PASSWORD, Optional.empty()).token();
        clock.advance(Duration.ofMinutes(29));
        qleven.tenancy().authenticate(token);
        clock.advance(Duration.ofMinutes(29));
        qleven.tenancy().authenticate(token);
        clock.advance(Duration.ofMinutes(31));
        assertThatThrownBy(() -> qleven.tenancy().authenticate(token)).isInstanceOf(UnauthenticatedException.class);

        String busy = signIn(email, PASSWORD, Optional.empty()).token();
        for (int i = 0; i < 47; i++) {
            clock.advance(Duration.ofMinutes(15));
            qleven.tenancy().authenticate(busy);
        }
        clock.advance(Duration.ofMinutes(15));
        assertThatThrownBy(() -> qleven.tenancy().authenticate(busy)).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void signOutEndsTheSessionAndTheLogKeepsWhenAndFromWhere() {
        String email = email();
        SignUpResult center = signUp(email);
        SignInResult signedIn = signIn(email, PASSWORD, Optional.empty());
        Principal admin = qleven.tenancy().authenticate(signedIn.token());
        clock.advance(Duration.ofMinutes(7));
        qleven.tenancy().signOut(admin);
        assertThatThrownBy(() -> qleven.tenancy().authenticate(signedIn.token()))
                .isInstanceOf(UnauthenticatedException.class);

        StoredSession log = store.shared().transactions().inTenant(center.tenantId(),
                () -> store.tenancy().sessions().byId(Optional.of(center.tenantId()),
                        signedIn.sessionId())).orElseThrow();
        assertThat(Duration.between(log.createdAt(), log.endedAt().orElseThrow())).isEqualTo(Duration.ofMinutes(7));
        assertThat(log.endReason()).contains("sign_out");
        assertThat(log.country()).contains("ES");
        FieldCipher cipher = cipher(store);
        assertThat(cipher.decrypt("session|ip|" + signedIn.sessionId(), log.ip())).isEqualTo(client.ip());
        assertThat(cipher.decrypt("session|userAgent|" + signedIn.sessionId(), log.userAgent())).isEqualTo("Mozilla/5.0 test");
        assertThat(new String(log.ip(), StandardCharsets.ISO_8859_1)).doesNotContain(client.ip());
    }

    @Test
    void malformedTokensAreRefusedWithoutALookup() {
        for (String token : new String[] {null, "", "Bearer x", "qs_" + "x".repeat(200), "qk_abc"}) {
            assertThatThrownBy(() -> qleven.tenancy().authenticate(token)).isInstanceOf(UnauthenticatedException.class);
        }
        assertThatThrownBy(() -> qleven.tenancy().authenticate("qs_" + UUID.randomUUID()))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void operatorsBelongToNoCenterAndMayNotActInOne() {
        String email = email();
        UserId id = qleven.tenancy().createOperator(new CreateOperator.CreateOperatorCommand(
                PersonDetails.parse("Olga Operator", email, null), PASSWORD));
        SignInResult signedIn = signIn(email, PASSWORD, Optional.empty());
        assertThat(signedIn.tenantId()).isEmpty();
        Principal operator = qleven.tenancy().authenticate(signedIn.token());
        assertThat(operator.role()).isEqualTo(Role.OPERATOR);
        assertThat(qleven.tenancy().me(operator).id()).isEqualTo(id);
        assertThatThrownBy(() -> qleven.tenancy().listUsers(operator,
                PageRequest.first())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> addUser(operator, email(), "administrator")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.tenancy().createOperator(new CreateOperator.CreateOperatorCommand(
                PersonDetails.parse("Twin", email, null), PASSWORD))).isInstanceOf(ConflictException.class);
        qleven.tenancy().signOut(operator);
        assertThatThrownBy(() -> qleven.tenancy().authenticate(signedIn.token()))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void theBuilderNamesEveryMissingAdapter() {
        assertThatThrownBy(() -> Qleven.builder().clock(clock).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("store").hasMessageContaining("cipher").hasMessageContaining("passwordHasher")
                .hasMessageContaining("chainSigner");
    }
}
