package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.newBlindIndex;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.InvitationId;
import com.qleven.ports.tenancy.out.AccountTokens.InvitationToken;
import com.qleven.ports.tenancy.out.AccountTokens.ResetToken;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@code AccountTokens} implementation promises: global lookups by token hash. */
public abstract class AccountTokensContract {

    protected abstract QlevenStore store();

    private static String hash() {
        return newBlindIndex().hex();
    }

    @Test
    public void an_invitation_token_is_found_by_its_hash_from_any_unit_and_removed_by_its_invitation() {
        InvitationToken token = new InvitationToken(hash(), new InvitationId(UUID.randomUUID()), newTenant(),
                T0.plus(Duration.ofHours(72)));
        store().shared().transactions().inTenant(token.tenantId(),
                () -> store().tenancy().accountTokens().addInvitationToken(token));

        assertThat(store().shared().transactions().global(() -> store().tenancy().accountTokens()
                .invitationByTokenHash(token.tokenHash())))
                .contains(token);
        assertThat(store().shared().transactions().inTenant(newTenant(),
                () -> store().tenancy().accountTokens().invitationByTokenHash(token.tokenHash()))).contains(token);
        assertThat(store().shared().transactions().global(() -> store().tenancy().accountTokens()
                .invitationByTokenHash(hash()))).isEmpty();

        store().shared().transactions().global(() -> store().tenancy().accountTokens()
                .removeInvitationToken(token.invitationId()));
        assertThat(store().shared().transactions().global(() -> store().tenancy().accountTokens()
                .invitationByTokenHash(token.tokenHash())))
                .isEmpty();
    }

    @Test
    public void an_invitation_has_one_token_at_most() {
        InvitationId invitation = new InvitationId(UUID.randomUUID());
        store().shared().transactions().global(() -> store().tenancy().accountTokens().addInvitationToken(
                new InvitationToken(hash(), invitation, newTenant(), T0)));
        assertThatThrownBy(() -> store().shared().transactions().global(() -> store().tenancy().accountTokens()
                .addInvitationToken(
                new InvitationToken(hash(), invitation, newTenant(), T0)))).isInstanceOf(RuntimeException.class);
    }

    @Test
    public void a_reset_token_is_consumed_once() {
        ResetToken token = new ResetToken(hash(), newUser(), T0, T0.plus(Duration.ofMinutes(30)));
        store().shared().transactions().global(() -> store().tenancy().accountTokens().addResetToken(token));

        assertThat(store().shared().transactions().global(() -> store().tenancy().accountTokens()
                .resetByTokenHash(token.tokenHash())))
                .contains(token);
        assertThat(store().shared().transactions().global(() -> store().tenancy().accountTokens()
                .consumeResetToken(token.tokenHash())))
                .isTrue();
        assertThat(store().shared().transactions().global(() -> store().tenancy().accountTokens()
                .consumeResetToken(token.tokenHash())))
                .isFalse();
        assertThat(store().shared().transactions().global(() -> store().tenancy().accountTokens()
                .resetByTokenHash(token.tokenHash())))
                .isEmpty();
    }

    @Test
    public void removing_an_accounts_reset_tokens_leaves_other_accounts_alone() {
        UserId user = newUser();
        ResetToken first = new ResetToken(hash(), user, T0, T0.plus(Duration.ofMinutes(30)));
        ResetToken second = new ResetToken(hash(), user, T0.plusSeconds(1), T0.plus(Duration.ofMinutes(31)));
        ResetToken other = new ResetToken(hash(), newUser(), T0, T0.plus(Duration.ofMinutes(30)));
        store().shared().transactions().global(() -> {
            store().tenancy().accountTokens().addResetToken(first);
            store().tenancy().accountTokens().addResetToken(second);
            store().tenancy().accountTokens().addResetToken(other);
        });

        store().shared().transactions().global(() -> store().tenancy().accountTokens().removeResetTokensOf(user));

        store().shared().transactions().global(() -> {
            assertThat(store().tenancy().accountTokens().resetByTokenHash(first.tokenHash())).isEmpty();
            assertThat(store().tenancy().accountTokens().resetByTokenHash(second.tokenHash())).isEmpty();
            assertThat(store().tenancy().accountTokens().resetByTokenHash(other.tokenHash())).contains(other);
        });
    }

    @Test
    public void a_consumption_rolled_back_leaves_the_token_usable() {
        ResetToken token = new ResetToken(hash(), newUser(), T0, T0.plus(Duration.ofMinutes(30)));
        store().shared().transactions().global(() -> store().tenancy().accountTokens().addResetToken(token));
        RuntimeException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> store().shared().transactions().global(() -> {
            store().tenancy().accountTokens().consumeResetToken(token.tokenHash());
            throw boom;
        })).isSameAs(boom);

        assertThat(store().shared().transactions().global(() -> store().tenancy().accountTokens()
                .resetByTokenHash(token.tokenHash())))
                .contains(token);
    }
}
