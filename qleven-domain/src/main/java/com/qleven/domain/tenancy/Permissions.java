package com.qleven.domain.tenancy;

import com.qleven.domain.shared.ForbiddenException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The permission table: which role holds which permission. Checked inside every use case. */
public final class Permissions {
    private static final Map<Role, Set<Permission>> TABLE = new EnumMap<>(Role.class);

    static {
        // Every role's permissions are named one by one: a permission added to the enum is granted
        // to nobody until it is named here (never "all but ..."). Recording a breach, editing the
        // sub-processors and publishing the policy are the platform's acts, never a center's.
        TABLE.put(Role.ADMINISTRATOR, EnumSet.of(Permission.VIEW_OWN_PROFILE, Permission.MANAGE_OWN_ACCOUNT,
                Permission.VIEW_USERS, Permission.MANAGE_USERS, Permission.VIEW_AUDIT_TRAIL, Permission.VIEW_CLIENTS,
                Permission.MANAGE_CLIENTS, Permission.READ_CLIENT_NOTES, Permission.HANDLE_PRIVACY_REQUESTS,
                Permission.VIEW_INCIDENTS, Permission.VIEW_NOTIFICATIONS, Permission.MANAGE_CONSENTS,
                Permission.MANAGE_CONSENT_PURPOSES, Permission.PUBLISH_CONSENT_NOTICES));
        TABLE.put(Role.PROFESSIONAL, EnumSet.of(Permission.VIEW_OWN_PROFILE, Permission.MANAGE_OWN_ACCOUNT, Permission.VIEW_USERS,
                Permission.VIEW_CLIENTS, Permission.MANAGE_CLIENTS, Permission.READ_CLIENT_NOTES));
        TABLE.put(Role.RECEPTIONIST, EnumSet.of(Permission.VIEW_OWN_PROFILE, Permission.MANAGE_OWN_ACCOUNT, Permission.VIEW_USERS,
                Permission.VIEW_CLIENTS, Permission.MANAGE_CLIENTS));
        TABLE.put(Role.OPERATOR, EnumSet.of(Permission.VIEW_OWN_PROFILE, Permission.MANAGE_OWN_ACCOUNT, Permission.VIEW_AUDIT_TRAIL));
        TABLE.get(Role.OPERATOR).add(Permission.REPORT_INCIDENTS);
        TABLE.get(Role.OPERATOR).add(Permission.MANAGE_SUBPROCESSORS);
        TABLE.get(Role.OPERATOR).add(Permission.PUBLISH_POLICY);
        TABLE.get(Role.PROFESSIONAL).add(Permission.VIEW_NOTIFICATIONS);
        TABLE.get(Role.RECEPTIONIST).add(Permission.VIEW_NOTIFICATIONS);
        TABLE.get(Role.PROFESSIONAL).add(Permission.MANAGE_CONSENTS);
        TABLE.get(Role.RECEPTIONIST).add(Permission.MANAGE_CONSENTS);
        // Scheduling: the desk (administrators, receptionists) runs every agenda and the waitlist; a
        // professional books and moves their own agenda only. Everyone may search availability.
        for (Role role : new Role[] {Role.ADMINISTRATOR, Role.RECEPTIONIST}) {
            TABLE.get(role).add(Permission.VIEW_AVAILABILITY);
            TABLE.get(role).add(Permission.MANAGE_APPOINTMENTS);
            TABLE.get(role).add(Permission.MANAGE_WAITLIST);
            TABLE.get(role).add(Permission.MANAGE_CLIENT_DUPLICATES);
        }
        TABLE.get(Role.PROFESSIONAL).add(Permission.VIEW_AVAILABILITY);
        TABLE.get(Role.PROFESSIONAL).add(Permission.MANAGE_OWN_APPOINTMENTS);
        TABLE.get(Role.PROFESSIONAL).add(Permission.ACCEPT_OWN_WAITLIST_OFFERS);
        // Scheduling and tax rates (issue 9): everyone reads what booking needs; administrators
        // change the settings, the tax rates and the catalogue; administrators and receptionists
        // run every agenda, a professional their own.
        for (Role role : java.util.List.of(Role.ADMINISTRATOR, Role.PROFESSIONAL, Role.RECEPTIONIST)) {
            TABLE.get(role).addAll(EnumSet.of(Permission.VIEW_CENTER_SETTINGS, Permission.VIEW_TAX_RATES,
                    Permission.VIEW_CATALOGUE, Permission.SET_EQUIPMENT_STATUS, Permission.VIEW_SCHEDULES,
                    Permission.MANAGE_OWN_SCHEDULE));
        }
        TABLE.get(Role.ADMINISTRATOR).addAll(EnumSet.of(Permission.MANAGE_CENTER_SETTINGS,
                Permission.MANAGE_TAX_RATES, Permission.MANAGE_CATALOGUE, Permission.MANAGE_SCHEDULES));
        TABLE.get(Role.RECEPTIONIST).add(Permission.MANAGE_SCHEDULES);
        // Calendar feeds: one's own link for every center role, anyone's for administrators.
        TABLE.get(Role.ADMINISTRATOR).add(Permission.MANAGE_OWN_CALENDAR_FEED);
        TABLE.get(Role.ADMINISTRATOR).add(Permission.MANAGE_CALENDAR_FEEDS);
        TABLE.get(Role.PROFESSIONAL).add(Permission.MANAGE_OWN_CALENDAR_FEED);
        TABLE.get(Role.RECEPTIONIST).add(Permission.MANAGE_OWN_CALENDAR_FEED);
        // Billing (issue 10): the desk invoices, takes payments and sells packages; administrators
        // alone change what invoices say, pay money back, set up packages and read the books; every
        // center role sees packages, since completing an appointment redeems them.
        for (Role role : java.util.List.of(Role.ADMINISTRATOR, Role.RECEPTIONIST)) {
            TABLE.get(role).addAll(EnumSet.of(Permission.VIEW_BILLING_SETTINGS, Permission.VIEW_INVOICES,
                    Permission.MANAGE_INVOICES, Permission.ISSUE_INVOICES, Permission.RECORD_PAYMENTS,
                    Permission.VIEW_CASH_REPORT, Permission.SELL_PACKAGES));
        }
        TABLE.get(Role.ADMINISTRATOR).addAll(EnumSet.of(Permission.MANAGE_BILLING_SETTINGS,
                Permission.ISSUE_CREDIT_NOTES, Permission.VIEW_FINANCIAL_REPORTS, Permission.MANAGE_PACKAGES));
        for (Role role : java.util.List.of(Role.ADMINISTRATOR, Role.PROFESSIONAL, Role.RECEPTIONIST)) {
            TABLE.get(role).add(Permission.VIEW_PACKAGES);
            TABLE.get(role).add(Permission.REDEEM_PACKAGES);
        }
        // WhatsApp (issue 11): administrators connect the number, manage templates and settings; the
        // desk resends what was left uncertain; every center role sees templates and messages.
        TABLE.get(Role.ADMINISTRATOR).addAll(EnumSet.of(Permission.CONNECT_WHATSAPP, Permission.MANAGE_TEMPLATES,
                Permission.MANAGE_MESSAGING_SETTINGS, Permission.RESEND_MESSAGES));
        TABLE.get(Role.RECEPTIONIST).add(Permission.RESEND_MESSAGES);
        for (Role role : java.util.List.of(Role.ADMINISTRATOR, Role.PROFESSIONAL, Role.RECEPTIONIST)) {
            TABLE.get(role).add(Permission.VIEW_TEMPLATES);
            TABLE.get(role).add(Permission.VIEW_MESSAGES);
        }
        // WhatsApp inbound (issue 12): every center role reads conversations; the desk replies and
        // attributes unmatched contacts; administrators alone run campaigns, the desk watches them.
        for (Role role : java.util.List.of(Role.ADMINISTRATOR, Role.PROFESSIONAL, Role.RECEPTIONIST)) {
            TABLE.get(role).add(Permission.VIEW_CONVERSATIONS);
        }
        for (Role role : java.util.List.of(Role.ADMINISTRATOR, Role.RECEPTIONIST)) {
            TABLE.get(role).addAll(EnumSet.of(Permission.REPLY_TO_CLIENTS, Permission.ATTRIBUTE_CONTACTS,
                    Permission.VIEW_CAMPAIGNS));
        }
        TABLE.get(Role.ADMINISTRATOR).add(Permission.RUN_CAMPAIGNS);
        // Devices (issue 13): administrators register machines and set their maintenance rules; every
        // center role sees them; administrators and professionals command them (a professional only
        // for an appointment of their own, checked by the use case).
        TABLE.get(Role.ADMINISTRATOR).addAll(EnumSet.of(Permission.REGISTER_DEVICES,
                Permission.MANAGE_DEVICE_MAINTENANCE, Permission.COMMAND_DEVICES));
        TABLE.get(Role.PROFESSIONAL).add(Permission.COMMAND_DEVICES);
        for (Role role : java.util.List.of(Role.ADMINISTRATOR, Role.PROFESSIONAL, Role.RECEPTIONIST)) {
            TABLE.get(role).add(Permission.VIEW_DEVICES);
        }
    }

    private Permissions() {
    }

    public static boolean allows(Role role, Permission permission) {
        return TABLE.get(role).contains(permission);
    }

    public static Set<Permission> of(Role role) {
        return Set.copyOf(TABLE.get(role));
    }

    /** Throws {@link ForbiddenException} unless the principal's role holds the permission. */
    public static void require(Principal principal, Permission permission) {
        if (!allows(principal.role(), permission)) {
            throw new ForbiddenException("the role " + principal.role().wireName() + " may not "
                    + permission.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
    }
}
