package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.addMember;
import static com.qleven.ports.contract.ContractFixtures.newBlindIndex;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static com.qleven.ports.contract.ContractFixtures.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.InvitationId;
import com.qleven.domain.tenancy.Role;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.tenancy.out.StoredInvitation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@code Invitations} implementation promises. */
public abstract class InvitationsContract {

    protected abstract QlevenStore store();

    /** A center with an administrator who invites. */
    private record Center(TenantId tenant, UserId admin) {
    }

    private Center center() {
        TenantId tenant = newTenant();
        UserId admin = newUser();
        addCenter(store(), tenant);
        addMember(store(), tenant, admin, Role.ADMINISTRATOR, T0);
        return new Center(tenant, admin);
    }

    private StoredInvitation invitation(Center c, BlindIndex email, Instant createdAt) {
        return new StoredInvitation(new InvitationId(UUID.randomUUID()), c.tenant(), randomBytes(50), email,
                Role.PROFESSIONAL, c.admin(), createdAt, createdAt.plus(Duration.ofHours(72)), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private StoredInvitation add(Center c, StoredInvitation invitation) {
        store().shared().transactions().inTenant(c.tenant(), () -> store().tenancy().invitations().add(invitation));
        return invitation;
    }

    private Optional<StoredInvitation> byId(Center c, InvitationId id) {
        return store().shared().transactions().inTenant(c.tenant(),
                () -> store().tenancy().invitations().byId(c.tenant(), id));
    }

    private Page<StoredInvitation> pending(Center c, Instant now, PageRequest page) {
        return store().shared().transactions().inTenant(c.tenant(),
                () -> store().tenancy().invitations().pending(c.tenant(), now, page));
    }

    @Test
    public void an_invitation_comes_back_whole() {
        Center c = center();
        StoredInvitation added = add(c, invitation(c, newBlindIndex(), T0));

        assertThat(byId(c, added.id())).get().usingRecursiveComparison().isEqualTo(added);
    }

    @Test
    public void another_center_sees_nothing_of_it_and_cannot_accept_it() {
        Center a = center();
        Center b = center();
        StoredInvitation added = add(a, invitation(a, newBlindIndex(), T0));

        store().shared().transactions().inTenant(b.tenant(), () -> {
            assertThat(store().tenancy().invitations().byId(a.tenant(), added.id())).isEmpty();
            assertThat(store().tenancy().invitations().pending(a.tenant(), T0, PageRequest.first()).items()).isEmpty();
        });
        assertThat(byId(b, added.id())).isEmpty();
        assertThat(store().shared().transactions().inTenant(b.tenant(),
                () -> store().tenancy().invitations().accept(a.tenant(), added.id(), newUser(), T0))).isFalse();
        assertThat(store().shared().transactions().inTenant(b.tenant(),
                () -> store().tenancy().invitations().revokeOpen(a.tenant(), added.emailIndex(), T0))).isEmpty();
        assertThat(byId(a, added.id()).orElseThrow().acceptedAt()).isEmpty();
        assertThat(byId(a, added.id()).orElseThrow().revokedAt()).isEmpty();
    }

    @Test
    public void pending_lists_open_unexpired_invitations_oldest_first_a_page_at_a_time() {
        Center c = center();
        List<StoredInvitation> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            open.add(add(c, invitation(c, newBlindIndex(), T0.plusSeconds(i))));
        }
        StoredInvitation accepted = add(c, invitation(c, newBlindIndex(), T0.plusSeconds(10)));
        store().shared().transactions().inTenant(c.tenant(),
                () -> store().tenancy().invitations().accept(c.tenant(), accepted.id(), newUser(), T0.plusSeconds(11)));
        StoredInvitation revoked = add(c, invitation(c, newBlindIndex(), T0.plusSeconds(12)));
        store().shared().transactions().inTenant(c.tenant(),
                () -> store().tenancy().invitations().revokeOpen(c.tenant(), revoked.emailIndex(), T0.plusSeconds(13)));
        Instant now = T0.plusSeconds(20);

        Page<StoredInvitation> first = pending(c, now, new PageRequest(2, Optional.empty()));
        Page<StoredInvitation> second = pending(c, now, new PageRequest(2, first.next()));
        Page<StoredInvitation> third = pending(c, now, new PageRequest(2, second.next()));

        List<InvitationId> seen = new ArrayList<>();
        for (Page<StoredInvitation> p : List.of(first, second, third)) {
            p.items().forEach(i -> seen.add(i.id()));
        }
        assertThat(seen).containsExactlyElementsOf(open.stream().map(StoredInvitation::id).toList());
        assertThat(third.next()).isEmpty();
        // At 72 hours from the first creation, the first one has expired.
        assertThat(pending(c, T0.plus(Duration.ofHours(72)), PageRequest.first()).items())
                .extracting(StoredInvitation::id)
                .containsExactlyElementsOf(open.subList(1, 5).stream().map(StoredInvitation::id).toList());
        assertThatThrownBy(() -> pending(c, now, new PageRequest(2, Optional.of("garbage"))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    public void revoking_an_email_revokes_only_its_open_invitations() {
        Center c = center();
        BlindIndex email = newBlindIndex();
        StoredInvitation first = add(c, invitation(c, email, T0));
        StoredInvitation second = add(c, invitation(c, email, T0.plusSeconds(1)));
        StoredInvitation other = add(c, invitation(c, newBlindIndex(), T0.plusSeconds(2)));

        List<InvitationId> revoked = store().shared().transactions().inTenant(c.tenant(),
                () -> store().tenancy().invitations().revokeOpen(c.tenant(), email, T0.plusSeconds(5)));

        assertThat(revoked).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(byId(c, first.id()).orElseThrow().revokedAt()).contains(T0.plusSeconds(5));
        assertThat(byId(c, other.id()).orElseThrow().revokedAt()).isEmpty();
        assertThat(store().shared().transactions().inTenant(c.tenant(),
                () -> store().tenancy().invitations().revokeOpen(c.tenant(), email, T0.plusSeconds(6)))).isEmpty();
    }

    @Test
    public void an_invitation_is_accepted_once_and_never_when_expired_or_revoked() {
        Center c = center();
        StoredInvitation open = add(c, invitation(c, newBlindIndex(), T0));
        StoredInvitation late = add(c, invitation(c, newBlindIndex(), T0));
        StoredInvitation revoked = add(c, invitation(c, newBlindIndex(), T0));
        store().shared().transactions().inTenant(c.tenant(),
                () -> store().tenancy().invitations().revokeOpen(c.tenant(), revoked.emailIndex(), T0.plusSeconds(1)));
        UserId user = newUser();

        boolean first = store().shared().transactions().inTenant(c.tenant(),
                () -> store().tenancy().invitations().accept(c.tenant(), open.id(), user, T0.plusSeconds(2)));
        boolean again = store().shared().transactions().inTenant(c.tenant(),
                () -> store().tenancy().invitations().accept(c.tenant(), open.id(), newUser(), T0.plusSeconds(3)));
        boolean expired = store().shared().transactions().inTenant(c.tenant(),
                () -> store().tenancy().invitations().accept(c.tenant(), late.id(), user,
                        T0.plus(Duration.ofHours(72))));
        boolean wasRevoked = store().shared().transactions().inTenant(c.tenant(),
                () -> store().tenancy().invitations().accept(c.tenant(), revoked.id(), user, T0.plusSeconds(2)));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(expired).isFalse();
        assertThat(wasRevoked).isFalse();
        StoredInvitation accepted = byId(c, open.id()).orElseThrow();
        assertThat(accepted.acceptedAt()).contains(T0.plusSeconds(2));
        assertThat(accepted.acceptedBy()).contains(user);
        assertThat(byId(c, late.id()).orElseThrow().acceptedAt()).isEmpty();
    }

    @Test
    public void an_acceptance_rolled_back_leaves_the_invitation_open() {
        Center c = center();
        StoredInvitation open = add(c, invitation(c, newBlindIndex(), T0));
        RuntimeException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> store().shared().transactions().inTenant(c.tenant(), () -> {
            store().tenancy().invitations().accept(c.tenant(), open.id(), newUser(), T0.plusSeconds(1));
            throw boom;
        })).isSameAs(boom);

        assertThat(byId(c, open.id()).orElseThrow().acceptedAt()).isEmpty();
    }
}
