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
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Role;
import com.qleven.domain.tenancy.SessionId;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.tenancy.out.SessionGate;
import com.qleven.ports.tenancy.out.StoredSession;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@code Sessions} implementation promises, for a center's sessions and for a platform
 * operator's (no center). A center's session belongs to a member of the center, an operator's to
 * an existing account, as the use cases guarantee.
 */
public abstract class SessionsContract {

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    /** Runs in the unit of work of the session's scope: its center's, or a global one. */
    private <T> T in(Optional<TenantId> tenant, Supplier<T> work) {
        return tenant.isPresent()
                ? store().shared().transactions().inTenant(tenant.get(), work)
                : store().shared().transactions().global(work);
    }

    private void in(Optional<TenantId> tenant, Runnable work) {
        in(tenant, () -> {
            work.run();
            return null;
        });
    }

    private StoredSession centerSession() {
        TenantId tenant = newTenant();
        UserId user = newUser();
        addCenter(store(), tenant);
        addMember(store(), tenant, user, Role.RECEPTIONIST, T0);
        StoredSession session = session(newSessionId(), user, Optional.of(tenant));
        in(session.tenantId(), () -> store().tenancy().sessions().add(session));
        return session;
    }

    private StoredSession operatorSession() {
        UserId user = newUser();
        store().shared().transactions().global(() -> store().tenancy().accounts().add(account(user)));
        StoredSession session = session(newSessionId(), user, Optional.empty());
        in(session.tenantId(), () -> store().tenancy().sessions().add(session));
        return session;
    }

    private Optional<StoredSession> byId(Optional<TenantId> tenant, SessionId id) {
        return in(tenant, () -> store().tenancy().sessions().byId(tenant, id));
    }

    @Test
    public void a_center_session_comes_back_whole() {
        StoredSession session = centerSession();

        assertThat(byId(session.tenantId(), session.id())).get().usingRecursiveComparison().isEqualTo(session);
    }

    @Test
    public void an_operator_session_comes_back_whole() {
        StoredSession session = operatorSession();

        assertThat(byId(Optional.empty(), session.id())).get().usingRecursiveComparison().isEqualTo(session);
    }

    @Test
    public void optional_fields_stay_absent() {
        TenantId tenant = newTenant();
        UserId user = newUser();
        addCenter(store(), tenant);
        addMember(store(), tenant, user, Role.ADMINISTRATOR, T0);
        StoredSession bare = new StoredSession(newSessionId(), user, Optional.of(tenant), T0, T0,
                T0.plus(Duration.ofHours(12)), Optional.empty(), Optional.empty(), null, null, Optional.empty());

        in(bare.tenantId(), () -> store().tenancy().sessions().add(bare));

        assertThat(byId(bare.tenantId(), bare.id())).get().usingRecursiveComparison().isEqualTo(bare);
    }

    @Test
    public void a_session_is_found_only_under_its_own_scope() {
        StoredSession center = centerSession();
        StoredSession operator = operatorSession();
        TenantId other = newTenant();

        assertThat(byId(Optional.of(other), center.id())).isEmpty();
        assertThat(byId(Optional.empty(), center.id())).isEmpty();
        assertThat(byId(center.tenantId(), operator.id())).isEmpty();
        assertThat(byId(Optional.of(newTenant()), newSessionId())).isEmpty();
    }

    @Test
    public void touch_moves_the_last_use() {
        for (StoredSession session : new StoredSession[] {centerSession(), operatorSession()}) {
            in(session.tenantId(), () -> store().tenancy().sessions().touch(session.tenantId(), session.id(),
                    T0.plus(Duration.ofMinutes(7))));

            assertThat(byId(session.tenantId(), session.id())).get()
                    .extracting(StoredSession::lastSeenAt).isEqualTo(T0.plus(Duration.ofMinutes(7)));
        }
    }

    @Test
    public void end_records_when_and_why() {
        for (StoredSession session : new StoredSession[] {centerSession(), operatorSession()}) {
            in(session.tenantId(), () -> store().tenancy().sessions().end(session.tenantId(), session.id(),
                    T0.plus(Duration.ofMinutes(20)), "sign_out"));

            StoredSession ended = byId(session.tenantId(), session.id()).orElseThrow();
            assertThat(ended.endedAt()).contains(T0.plus(Duration.ofMinutes(20)));
            assertThat(ended.endReason()).contains("sign_out");
        }
    }

    @Test
    public void an_ended_session_keeps_its_first_end() {
        for (StoredSession session : new StoredSession[] {centerSession(), operatorSession()}) {
            in(session.tenantId(), () -> store().tenancy().sessions().end(session.tenantId(), session.id(),
                    T0.plus(Duration.ofMinutes(20)), "expired"));

            in(session.tenantId(), () -> store().tenancy().sessions().end(session.tenantId(), session.id(),
                    T0.plus(Duration.ofMinutes(45)), "sign_out"));

            StoredSession ended = byId(session.tenantId(), session.id()).orElseThrow();
            assertThat(ended.endedAt()).contains(T0.plus(Duration.ofMinutes(20)));
            assertThat(ended.endReason()).contains("expired");
        }
    }

    @Test
    public void ending_or_touching_one_session_leaves_the_others_alone() {
        StoredSession ended = centerSession();
        StoredSession other = centerSession();

        in(ended.tenantId(), () -> {
            store().tenancy().sessions().touch(ended.tenantId(), ended.id(), T0.plus(Duration.ofMinutes(3)));
            store().tenancy().sessions().end(ended.tenantId(), ended.id(), T0.plus(Duration.ofMinutes(4)), "sign_out");
        });

        assertThat(byId(other.tenantId(), other.id())).get().usingRecursiveComparison().isEqualTo(other);
    }

    // The gate: a request's unit of work opened by its session token ----------------------------

    private String tokenOf(StoredSession session) {
        String hash = newBlindIndex().hex();
        store().shared().transactions().global(() -> store().shared().directory().addSessionToken(
                new Directory.SessionToken(hash, session.id().value(), session.tenantId(), session.userId(),
                        session.absoluteExpiry())));
        return hash;
    }

    @Test
    public void the_gate_opens_the_center_unit_of_a_token_with_its_session_and_membership() {
        StoredSession session = centerSession();
        TenantId tenant = session.tenantId().orElseThrow();
        String hash = tokenOf(session);

        SessionGate.Opened opened = store().tenancy().sessionGate().open(hash, found -> {
            // The unit is the center's: its rows are visible without opening another unit.
            assertThat(store().tenancy().centers().byId(tenant)).isPresent();
            return found.orElseThrow();
        });

        assertThat(opened.token().tokenHash()).isEqualTo(hash);
        assertThat(opened.token().tenantId()).contains(tenant);
        assertThat(opened.session()).get().usingRecursiveComparison().isEqualTo(session);
        assertThat(opened.membership()).get().satisfies(m -> {
            assertThat(m.tenantId()).isEqualTo(tenant);
            assertThat(m.userId()).isEqualTo(session.userId());
            assertThat(m.role()).isEqualTo(Role.RECEPTIONIST);
            assertThat(m.usable()).isTrue();
        });
    }

    @Test
    public void the_gate_reads_an_operator_session_without_a_membership() {
        StoredSession session = operatorSession();
        String hash = tokenOf(session);

        SessionGate.Opened opened = store().tenancy().sessionGate().open(hash, Optional::orElseThrow);

        assertThat(opened.token().tenantId()).isEmpty();
        assertThat(opened.session()).get().usingRecursiveComparison().isEqualTo(session);
        assertThat(opened.membership()).isEmpty();
    }

    @Test
    public void the_gate_finds_nothing_for_an_unknown_token_and_an_empty_session_for_a_gone_one() {
        Optional<SessionGate.Opened> unknown = store().tenancy().sessionGate().open(newBlindIndex().hex(),
                found -> found);
        assertThat(unknown).isEmpty();

        // A token whose session was never stored and whose account is no member of the center.
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        StoredSession ghost = session(newSessionId(), newUser(), Optional.of(tenant));
        String hash = tokenOf(ghost);
        SessionGate.Opened opened = store().tenancy().sessionGate().open(hash, Optional::orElseThrow);
        assertThat(opened.session()).isEmpty();
        assertThat(opened.membership()).isEmpty();
    }

    @Test
    public void the_gate_sees_a_deactivated_membership_as_it_is() {
        StoredSession session = centerSession();
        TenantId tenant = session.tenantId().orElseThrow();
        store().shared().transactions().inTenant(tenant, () -> store().tenancy().memberships().update(
                store().tenancy().memberships().find(tenant, session.userId()).orElseThrow().withActive(false)));
        String hash = tokenOf(session);

        SessionGate.Opened opened = store().tenancy().sessionGate().open(hash, Optional::orElseThrow);

        assertThat(opened.membership()).get().satisfies(m -> assertThat(m.usable()).isFalse());
    }
}
