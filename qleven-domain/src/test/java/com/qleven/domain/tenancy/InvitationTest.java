package com.qleven.domain.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvitationTest {
    private static final Instant NOW = Instant.parse("2026-03-29T08:00:00Z");

    private static Invitation issued() {
        return Invitation.issue(new InvitationId(UUID.randomUUID()), new TenantId(UUID.randomUUID()),
                new EmailAddress("Luis@Example.com"), Role.PROFESSIONAL, new UserId(UUID.randomUUID()), NOW,
                AccountLifecyclePolicy.DEFAULT);
    }

    @Test
    void anInvitationIsPendingForSeventyTwoHoursExactly() {
        Invitation invitation = issued();
        assertThat(invitation.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(72)));
        assertThat(invitation.status(NOW)).isEqualTo(Invitation.Status.PENDING);
        assertThat(invitation.status(NOW.plus(Duration.ofHours(72)).minusNanos(1))).isEqualTo(Invitation.Status.PENDING);
        assertThat(invitation.status(NOW.plus(Duration.ofHours(72)))).isEqualTo(Invitation.Status.EXPIRED);
    }

    @Test
    void acceptedAndRevokedWinOverTime() {
        Invitation i = issued();
        Invitation accepted = new Invitation(i.id(), i.tenantId(), i.email(), i.role(), i.invitedBy(), i.createdAt(),
                i.expiresAt(), Optional.of(NOW.plusSeconds(5)), Optional.of(new UserId(UUID.randomUUID())),
                Optional.empty());
        Invitation revoked = new Invitation(i.id(), i.tenantId(), i.email(), i.role(), i.invitedBy(), i.createdAt(),
                i.expiresAt(), Optional.empty(), Optional.empty(), Optional.of(NOW.plusSeconds(5)));
        assertThat(accepted.status(NOW.plus(Duration.ofDays(9)))).isEqualTo(Invitation.Status.ACCEPTED);
        assertThat(revoked.status(NOW)).isEqualTo(Invitation.Status.REVOKED);
        assertThat(revoked.status(NOW).wireName()).isEqualTo("revoked");
    }

    @Test
    void inconsistentStatesAndTheOperatorRoleAreRefused() {
        Invitation i = issued();
        assertThatThrownBy(() -> new Invitation(i.id(), i.tenantId(), i.email(), Role.OPERATOR, i.invitedBy(),
                i.createdAt(), i.expiresAt(), Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Invitation(i.id(), i.tenantId(), i.email(), i.role(), i.invitedBy(),
                i.createdAt(), i.expiresAt(), Optional.of(NOW), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Invitation(i.id(), i.tenantId(), i.email(), i.role(), i.invitedBy(),
                i.createdAt(), i.createdAt(), Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(i.toString()).doesNotContain("example.com");
    }
}
