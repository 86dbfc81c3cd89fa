package com.qleven.domain.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The RBAC matrix (policy P1): every role against every permission, allowed and refused. */
class PermissionsTest {

    private static final Map<Role, Set<Permission>> EXPECTED = Map.of(
            Role.ADMINISTRATOR, EnumSet.of(Permission.VIEW_OWN_PROFILE, Permission.MANAGE_OWN_ACCOUNT, Permission.VIEW_USERS, Permission.MANAGE_USERS,
                    Permission.VIEW_AUDIT_TRAIL, Permission.VIEW_CLIENTS, Permission.MANAGE_CLIENTS,
                    Permission.READ_CLIENT_NOTES, Permission.HANDLE_PRIVACY_REQUESTS,
                    Permission.VIEW_INCIDENTS, Permission.VIEW_NOTIFICATIONS, Permission.MANAGE_CONSENTS,
                    Permission.MANAGE_CONSENT_PURPOSES, Permission.PUBLISH_CONSENT_NOTICES,
                    Permission.VIEW_CENTER_SETTINGS,
                    Permission.MANAGE_CENTER_SETTINGS, Permission.VIEW_TAX_RATES, Permission.MANAGE_TAX_RATES,
                    Permission.VIEW_CATALOGUE, Permission.MANAGE_CATALOGUE, Permission.SET_EQUIPMENT_STATUS,
                    Permission.VIEW_SCHEDULES, Permission.MANAGE_SCHEDULES, Permission.MANAGE_OWN_SCHEDULE,
                    Permission.VIEW_AVAILABILITY, Permission.MANAGE_APPOINTMENTS, Permission.MANAGE_WAITLIST,
                    Permission.MANAGE_OWN_CALENDAR_FEED, Permission.MANAGE_CALENDAR_FEEDS,
                    Permission.MANAGE_CLIENT_DUPLICATES, Permission.VIEW_BILLING_SETTINGS,
                    Permission.MANAGE_BILLING_SETTINGS, Permission.VIEW_INVOICES, Permission.MANAGE_INVOICES,
                    Permission.ISSUE_INVOICES, Permission.RECORD_PAYMENTS, Permission.ISSUE_CREDIT_NOTES,
                    Permission.VIEW_CASH_REPORT, Permission.VIEW_FINANCIAL_REPORTS, Permission.MANAGE_PACKAGES,
                    Permission.SELL_PACKAGES, Permission.VIEW_PACKAGES, Permission.REDEEM_PACKAGES,
                    Permission.CONNECT_WHATSAPP, Permission.MANAGE_TEMPLATES, Permission.VIEW_TEMPLATES,
                    Permission.VIEW_MESSAGES, Permission.RESEND_MESSAGES, Permission.MANAGE_MESSAGING_SETTINGS,
                    Permission.VIEW_CONVERSATIONS, Permission.REPLY_TO_CLIENTS, Permission.ATTRIBUTE_CONTACTS,
                    Permission.RUN_CAMPAIGNS, Permission.VIEW_CAMPAIGNS, Permission.REGISTER_DEVICES,
                    Permission.VIEW_DEVICES, Permission.COMMAND_DEVICES, Permission.MANAGE_DEVICE_MAINTENANCE),
            Role.PROFESSIONAL, EnumSet.of(Permission.VIEW_OWN_PROFILE, Permission.MANAGE_OWN_ACCOUNT, Permission.VIEW_USERS,
                    Permission.VIEW_CLIENTS, Permission.MANAGE_CLIENTS, Permission.READ_CLIENT_NOTES,
                    Permission.VIEW_NOTIFICATIONS, Permission.MANAGE_CONSENTS, Permission.VIEW_CENTER_SETTINGS,
                    Permission.VIEW_TAX_RATES, Permission.VIEW_CATALOGUE, Permission.SET_EQUIPMENT_STATUS,
                    Permission.VIEW_SCHEDULES, Permission.MANAGE_OWN_SCHEDULE, Permission.VIEW_AVAILABILITY,
                    Permission.MANAGE_OWN_APPOINTMENTS, Permission.ACCEPT_OWN_WAITLIST_OFFERS,
                    Permission.MANAGE_OWN_CALENDAR_FEED, Permission.VIEW_PACKAGES,
                    Permission.REDEEM_PACKAGES, Permission.VIEW_TEMPLATES, Permission.VIEW_MESSAGES,
                    Permission.VIEW_CONVERSATIONS, Permission.VIEW_DEVICES, Permission.COMMAND_DEVICES),
            Role.RECEPTIONIST, EnumSet.of(Permission.VIEW_OWN_PROFILE, Permission.MANAGE_OWN_ACCOUNT, Permission.VIEW_USERS,
                    Permission.VIEW_CLIENTS, Permission.MANAGE_CLIENTS, Permission.VIEW_NOTIFICATIONS,
                    Permission.MANAGE_CONSENTS, Permission.VIEW_CENTER_SETTINGS, Permission.VIEW_TAX_RATES,
                    Permission.VIEW_CATALOGUE, Permission.SET_EQUIPMENT_STATUS, Permission.VIEW_SCHEDULES,
                    Permission.MANAGE_SCHEDULES, Permission.MANAGE_OWN_SCHEDULE, Permission.VIEW_AVAILABILITY,
                    Permission.MANAGE_APPOINTMENTS, Permission.MANAGE_WAITLIST,
                    Permission.MANAGE_OWN_CALENDAR_FEED, Permission.MANAGE_CLIENT_DUPLICATES,
                    Permission.VIEW_BILLING_SETTINGS, Permission.VIEW_INVOICES, Permission.MANAGE_INVOICES,
                    Permission.ISSUE_INVOICES, Permission.RECORD_PAYMENTS, Permission.VIEW_CASH_REPORT,
                    Permission.SELL_PACKAGES, Permission.VIEW_PACKAGES, Permission.REDEEM_PACKAGES,
                    Permission.VIEW_TEMPLATES, Permission.VIEW_MESSAGES, Permission.RESEND_MESSAGES,
                    Permission.VIEW_CONVERSATIONS, Permission.REPLY_TO_CLIENTS, Permission.ATTRIBUTE_CONTACTS,
                    Permission.VIEW_CAMPAIGNS, Permission.VIEW_DEVICES),
            Role.OPERATOR, EnumSet.of(Permission.VIEW_OWN_PROFILE, Permission.MANAGE_OWN_ACCOUNT, Permission.VIEW_AUDIT_TRAIL,
                    Permission.REPORT_INCIDENTS, Permission.MANAGE_SUBPROCESSORS, Permission.PUBLISH_POLICY));

    @Test
    void everyRoleHoldsExactlyItsPermissions() {
        for (Role role : Role.values()) {
            for (Permission permission : Permission.values()) {
                assertThat(Permissions.allows(role, permission))
                        .as("%s may %s", role, permission)
                        .isEqualTo(EXPECTED.get(role).contains(permission));
            }
        }
    }

    /**
     * A permission added to the enum must be granted to nobody until a role names it: the table
     * names each role's permissions one by one, never "every permission but ...".
     */
    @Test
    void noRoleIsGrantedPermissionsItDoesNotName() throws java.io.IOException {
        String source = java.nio.file.Files.readString(
                java.nio.file.Path.of("src/main/java/com/qleven/domain/tenancy/Permissions.java"));
        assertThat(source).doesNotContain("complementOf").doesNotContain("allOf(")
                .doesNotContain("Permission.values()").doesNotContain("removeAll");
    }

    @Test
    void requireRefusesWithTheRoleAndTheAction() {
        Principal receptionist = new Principal(new UserId(UUID.randomUUID()), Optional.of(new TenantId(UUID.randomUUID())),
                Role.RECEPTIONIST, new SessionId(UUID.randomUUID()));
        assertThatThrownBy(() -> Permissions.require(receptionist, Permission.MANAGE_USERS))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("receptionist").hasMessageContaining("manage users");
    }

    @Test
    void anOperatorHasNoCenterAndACenterRoleNeedsOne() {
        UserId user = new UserId(UUID.randomUUID());
        SessionId session = new SessionId(UUID.randomUUID());
        Principal operator = new Principal(user, Optional.empty(), Role.OPERATOR, session);
        assertThatThrownBy(operator::requireTenant).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> new Principal(user, Optional.empty(), Role.ADMINISTRATOR, session))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Principal(user, Optional.of(new TenantId(UUID.randomUUID())), Role.OPERATOR, session))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void operatorIsNeverACenterRoleOnTheWire() {
        assertThatThrownBy(() -> Role.centerRole("role", "operator"))
                .hasMessageContaining("administrator, professional, receptionist");
        assertThat(Role.centerRole("role", "receptionist")).isEqualTo(Role.RECEPTIONIST);
    }
}
