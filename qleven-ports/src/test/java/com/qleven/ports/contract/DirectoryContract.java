package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.newBlindIndex;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.Directory.SessionToken;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What every {@code Directory} implementation promises. */
public abstract class DirectoryContract {

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private <T> T global(Supplier<T> work) {
        return store().shared().transactions().global(work);
    }

    private void global(Runnable work) {
        store().shared().transactions().global(work);
    }

    private Directory directory() {
        return store().shared().directory();
    }

    @Test
    public void a_claimed_email_finds_its_account() {
        BlindIndex email = newBlindIndex();
        UserId user = newUser();

        assertThat(global(() -> directory().claimAccountEmail(email, user))).isTrue();

        assertThat(global(() -> directory().accountByEmail(email))).contains(user);
    }

    @Test
    public void an_unknown_email_finds_nothing() {
        assertThat(global(() -> directory().accountByEmail(newBlindIndex()))).isEmpty();
    }

    @Test
    public void claimAccountEmail_returns_false_for_a_second_account_and_keeps_the_first() {
        BlindIndex email = newBlindIndex();
        UserId first = newUser();
        UserId second = newUser();
        global(() -> directory().claimAccountEmail(email, first));

        assertThat(global(() -> directory().claimAccountEmail(email, second))).isFalse();

        assertThat(global(() -> directory().accountByEmail(email))).contains(first);
    }

    @Test
    public void claiming_the_same_email_again_for_the_same_account_is_not_refused() {
        BlindIndex email = newBlindIndex();
        UserId user = newUser();
        global(() -> directory().claimAccountEmail(email, user));

        assertThat(global(() -> directory().claimAccountEmail(email, user))).isTrue();
    }

    @Test
    public void a_refused_claim_leaves_the_unit_of_work_usable() {
        BlindIndex email = newBlindIndex();
        BlindIndex other = newBlindIndex();
        UserId first = newUser();
        UserId second = newUser();
        global(() -> directory().claimAccountEmail(email, first));

        global(() -> {
            assertThat(directory().claimAccountEmail(email, second)).isFalse();
            return directory().claimAccountEmail(other, second);
        });

        assertThat(global(() -> directory().accountByEmail(other))).contains(second);
    }

    @Test
    public void centersOf_lists_the_accounts_centers_oldest_membership_first() {
        UserId user = newUser();
        TenantId first = newTenant();
        TenantId second = newTenant();
        TenantId third = newTenant();
        global(() -> {
            directory().addMembership(user, first);
            directory().addMembership(user, second);
        });
        global(() -> {
            directory().addMembership(user, third);
            directory().addMembership(newUser(), first);
        });

        assertThat(global(() -> directory().centersOf(user))).containsExactly(first, second, third);
    }

    @Test
    public void signInChoices_lists_the_agreed_centers_oldest_first_and_never_a_pending_one() {
        UserId user = newUser();
        TenantId first = newTenant();
        TenantId pending = newTenant();
        TenantId second = newTenant();
        global(() -> {
            directory().addMembership(user, first);
            directory().addPendingMembership(user, pending);
            directory().addMembership(user, second);
        });

        assertThat(global(() -> directory().signInChoices(user))).extracting(Directory.CenterChoice::tenantId)
                .containsExactly(first, second);
        assertThat(global(() -> directory().signInChoices(newUser()))).isEmpty();
    }

    @Test
    public void membershipsOf_lists_every_place_oldest_first_and_leaves_the_details_to_the_center_it_has_not_seen() {
        UserId user = newUser();
        TenantId agreed = newTenant();
        TenantId pending = newTenant();
        global(() -> {
            directory().addMembership(user, agreed);
            directory().addPendingMembership(user, pending);
        });

        assertThat(global(() -> directory().membershipsOf(user))).containsExactly(
                new Directory.MembershipEntry(agreed, "", false, Optional.empty()),
                new Directory.MembershipEntry(pending, "", true, Optional.empty()));
        assertThat(global(() -> directory().membershipsOf(newUser()))).isEmpty();
    }

    @Test
    public void centersOf_an_account_without_memberships_is_empty() {
        assertThat(global(() -> directory().centersOf(newUser()))).isEmpty();
    }

    @Test
    public void adding_the_same_membership_twice_lists_the_center_once() {
        UserId user = newUser();
        TenantId tenant = newTenant();
        global(() -> directory().addMembership(user, tenant));

        global(() -> directory().addMembership(user, tenant));

        assertThat(global(() -> directory().centersOf(user))).containsExactly(tenant);
    }

    @Test
    public void a_center_session_token_is_found_by_its_hash() {
        SessionToken token = new SessionToken(newBlindIndex().hex(), UUID.randomUUID(), Optional.of(newTenant()),
                newUser(), T0.plus(Duration.ofHours(12)));

        global(() -> directory().addSessionToken(token));

        assertThat(global(() -> directory().sessionByTokenHash(token.tokenHash()))).contains(token);
    }

    @Test
    public void an_operator_session_token_has_no_center() {
        SessionToken token = new SessionToken(newBlindIndex().hex(), UUID.randomUUID(), Optional.empty(),
                newUser(), T0.plus(Duration.ofHours(12)));

        global(() -> directory().addSessionToken(token));

        assertThat(global(() -> directory().sessionByTokenHash(token.tokenHash()))).contains(token);
    }

    @Test
    public void an_unknown_token_hash_finds_nothing() {
        assertThat(global(() -> directory().sessionByTokenHash(newBlindIndex().hex()))).isEmpty();
    }

    @Test
    public void a_removed_session_token_is_no_longer_found() {
        SessionToken token = new SessionToken(newBlindIndex().hex(), UUID.randomUUID(), Optional.of(newTenant()),
                newUser(), T0.plus(Duration.ofHours(12)));
        SessionToken other = new SessionToken(newBlindIndex().hex(), UUID.randomUUID(), Optional.of(newTenant()),
                newUser(), T0.plus(Duration.ofHours(12)));
        global(() -> {
            directory().addSessionToken(token);
            directory().addSessionToken(other);
        });

        global(() -> {
            directory().removeSessionToken(token.sessionId());
            directory().removeSessionToken(UUID.randomUUID());
        });

        assertThat(global(() -> directory().sessionByTokenHash(token.tokenHash()))).isEmpty();
        assertThat(global(() -> directory().sessionByTokenHash(other.tokenHash()))).contains(other);
    }
}
