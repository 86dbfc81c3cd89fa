package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.account;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.addMember;
import static com.qleven.ports.contract.ContractFixtures.newBlindIndex;
import static com.qleven.ports.contract.ContractFixtures.newSessionId;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static com.qleven.ports.contract.ContractFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Membership;
import com.qleven.domain.tenancy.Role;
import com.qleven.domain.tenancy.SessionId;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.tenancy.out.StoredSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the account lifecycle needs of the tenancy ports that existed before it: memberships that
 * change role and active state, the last-administrator lock, an account's sessions newest first,
 * its session tokens in every center, and a new password hash.
 */
public abstract class LifecycleStoreContract {

    protected abstract QlevenStore store();

    private Optional<Membership> find(TenantId tenant, UserId user) {
        return store().shared().transactions().inTenant(tenant, () -> store().tenancy().memberships().find(tenant,
                user));
    }

    @Test
    public void a_membership_changes_role_and_active_state_and_keeps_its_creation() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        Membership member = addMember(store(), tenant, newUser(), Role.RECEPTIONIST, T0);
        assertThat(find(tenant, member.userId()).orElseThrow().active()).isTrue();

        store().shared().transactions().inTenant(tenant, () -> store().tenancy().memberships()
                .update(member.withRole(Role.PROFESSIONAL).withActive(false)));

        Membership changed = find(tenant, member.userId()).orElseThrow();
        assertThat(changed.role()).isEqualTo(Role.PROFESSIONAL);
        assertThat(changed.active()).isFalse();
        assertThat(changed.createdAt()).isEqualTo(T0);
        assertThat(store().shared().transactions().inTenant(tenant,
                () -> store().tenancy().memberships().list(tenant,
                        PageRequest.first()).items())).containsExactly(changed);
    }

    @Test
    public void the_lock_returns_the_active_administrators_only() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        Membership admin = addMember(store(), tenant, newUser(), Role.ADMINISTRATOR, T0);
        Membership inactive = addMember(store(), tenant, newUser(), Role.ADMINISTRATOR, T0);
        addMember(store(), tenant, newUser(), Role.PROFESSIONAL, T0);
        store().shared().transactions().inTenant(tenant,
                () -> store().tenancy().memberships().update(inactive.withActive(false)));
        TenantId other = newTenant();
        addCenter(store(), other);
        addMember(store(), other, newUser(), Role.ADMINISTRATOR, T0);

        assertThat(store().shared().transactions().inTenant(tenant,
                () -> store().tenancy().memberships().lockActiveAdministrators(tenant)))
                .containsExactly(admin.userId());
    }

    @Test
    public void a_second_lock_waits_for_the_first_unit_and_sees_what_it_committed() throws Exception {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        Membership first = addMember(store(), tenant, newUser(), Role.ADMINISTRATOR, T0);
        Membership second = addMember(store(), tenant, newUser(), Role.ADMINISTRATOR, T0);
        CountDownLatch locked = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> demote = threads.submit(() -> store().shared().transactions().inTenant(tenant, () -> {
                assertThat(store().tenancy().memberships().lockActiveAdministrators(tenant)).hasSize(2);
                store().tenancy().memberships().update(first.withRole(Role.PROFESSIONAL));
                locked.countDown();
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            List<UserId> seen = threads.submit(() -> store().shared().transactions().inTenant(tenant,
                    () -> store().tenancy().memberships().lockActiveAdministrators(tenant))).get(10, TimeUnit.SECONDS);
            demote.get(10, TimeUnit.SECONDS);
            assertThat(seen).containsExactly(second.userId());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    public void an_accounts_sessions_list_newest_first_in_their_scope_a_page_at_a_time() {
        TenantId tenant = newTenant();
        UserId user = newUser();
        addCenter(store(), tenant);
        addMember(store(), tenant, user, Role.PROFESSIONAL, T0);
        UserId colleague = newUser();
        addMember(store(), tenant, colleague, Role.PROFESSIONAL, T0);
        List<StoredSession> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            StoredSession base = session(newSessionId(), user, Optional.of(tenant));
            StoredSession s = new StoredSession(base.id(), user, base.tenantId(), T0.plusSeconds(i), T0.plusSeconds(i),
                    base.absoluteExpiry(), Optional.empty(), Optional.empty(), base.ip(), base.userAgent(),
                    base.country());
            store().shared().transactions().inTenant(tenant, () -> store().tenancy().sessions().add(s));
            mine.add(0, s);
        }
        StoredSession theirs = session(newSessionId(), colleague, Optional.of(tenant));
        store().shared().transactions().inTenant(tenant, () -> store().tenancy().sessions().add(theirs));

        List<SessionId> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Optional<String> at = cursor;
            Page<StoredSession> page = store().shared().transactions().inTenant(tenant,
                    () -> store().tenancy().sessions().listOf(Optional.of(tenant), user, new PageRequest(2, at)));
            page.items().forEach(s -> seen.add(s.id()));
            cursor = page.next();
            pages++;
        } while (cursor.isPresent());

        assertThat(seen).containsExactlyElementsOf(mine.stream().map(StoredSession::id).toList());
        assertThat(pages).isEqualTo(3);
        assertThat(store().shared().transactions().inTenant(newTenant(),
                () -> store().tenancy().sessions().listOf(Optional.of(tenant), user,
                        PageRequest.first()).items())).isEmpty();
        assertThat(store().shared().transactions().global(
                () -> store().tenancy().sessions().listOf(Optional.empty(), user,
                        PageRequest.first()).items())).isEmpty();
    }

    @Test
    public void an_operators_platform_sessions_list_too() {
        UserId operator = newUser();
        store().shared().transactions().global(() -> store().tenancy().accounts().add(account(operator)));
        StoredSession s = session(newSessionId(), operator, Optional.empty());
        store().shared().transactions().global(() -> store().tenancy().sessions().add(s));

        assertThat(store().shared().transactions().global(
                () -> store().tenancy().sessions().listOf(Optional.empty(), operator, PageRequest.first()).items()))
                .extracting(StoredSession::id).containsExactly(s.id());
    }

    @Test
    public void an_accounts_session_tokens_are_found_in_every_center() {
        UserId user = newUser();
        TenantId a = newTenant();
        TenantId b = newTenant();
        Directory.SessionToken inA = new Directory.SessionToken(newBlindIndex().hex(), newSessionId().value(),
                Optional.of(a), user, T0.plus(Duration.ofHours(12)));
        Directory.SessionToken inB = new Directory.SessionToken(newBlindIndex().hex(), newSessionId().value(),
                Optional.of(b), user, T0.plus(Duration.ofHours(12)));
        Directory.SessionToken someoneElse = new Directory.SessionToken(newBlindIndex().hex(),
                newSessionId().value(), Optional.of(a), newUser(), T0.plus(Duration.ofHours(12)));
        store().shared().transactions().global(() -> {
            store().shared().directory().addSessionToken(inA);
            store().shared().directory().addSessionToken(inB);
            store().shared().directory().addSessionToken(someoneElse);
        });

        assertThat(store().shared().transactions().inTenant(a,
                () -> store().shared().directory().sessionTokensOf(user)))
                .containsExactlyInAnyOrder(inA, inB);
        store().shared().transactions().global(() -> store().shared().directory().removeSessionToken(inA.sessionId()));
        assertThat(store().shared().transactions().global(() -> store().shared().directory().sessionTokensOf(user)))
                .containsExactly(inB);
    }

    @Test
    public void a_password_hash_is_replaced_and_nothing_else_changes() {
        UserId user = newUser();
        var before = account(user);
        store().shared().transactions().global(() -> store().tenancy().accounts().add(before));

        store().shared().transactions().global(() -> store().tenancy().accounts()
                .changePasswordHash(user, "$argon2id$v=19$new"));

        var after = store().shared().transactions().global(() -> store().tenancy().accounts().byId(user)).orElseThrow();
        assertThat(after.passwordHash()).isEqualTo("$argon2id$v=19$new");
        assertThat(after).usingRecursiveComparison().ignoringFields("passwordHash").isEqualTo(before);
    }
}
