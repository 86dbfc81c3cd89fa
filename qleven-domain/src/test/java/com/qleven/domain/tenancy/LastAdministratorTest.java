package com.qleven.domain.tenancy;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LastAdministratorTest {
    private static final Membership ADMIN = new Membership(new TenantId(UUID.randomUUID()),
            new UserId(UUID.randomUUID()), Role.ADMINISTRATOR, Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void theLastActiveAdministratorCanBeNeitherDemotedNorDeactivated() {
        assertThatThrownBy(() -> LastAdministrator.check(ADMIN, ADMIN.withRole(Role.PROFESSIONAL), 1))
                .isInstanceOf(ConflictException.class).hasMessageContaining("last active administrator");
        assertThatThrownBy(() -> LastAdministrator.check(ADMIN, ADMIN.withActive(false), 1))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void withAnotherActiveAdministratorEitherChangeIsAllowed() {
        assertThatCode(() -> LastAdministrator.check(ADMIN, ADMIN.withRole(Role.RECEPTIONIST), 2))
                .doesNotThrowAnyException();
        assertThatCode(() -> LastAdministrator.check(ADMIN, ADMIN.withActive(false), 2)).doesNotThrowAnyException();
    }

    @Test
    void changesThatKeepAnActiveAdministratorOrConcernOthersPass() {
        Membership inactiveAdmin = ADMIN.withActive(false);
        Membership professional = ADMIN.withRole(Role.PROFESSIONAL);
        assertThatCode(() -> LastAdministrator.check(ADMIN, ADMIN, 1)).doesNotThrowAnyException();
        assertThatCode(() -> LastAdministrator.check(inactiveAdmin, inactiveAdmin.withRole(Role.PROFESSIONAL), 0))
                .doesNotThrowAnyException();
        assertThatCode(() -> LastAdministrator.check(professional, professional.withActive(false), 1))
                .doesNotThrowAnyException();
        assertThatCode(() -> LastAdministrator.check(inactiveAdmin, ADMIN, 0)).doesNotThrowAnyException();
    }
}
