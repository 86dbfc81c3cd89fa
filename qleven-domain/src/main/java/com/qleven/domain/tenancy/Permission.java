package com.qleven.domain.tenancy;

/** Something a use case checks before it acts. The table of who holds what is {@link Permissions}. */
public enum Permission {
    VIEW_OWN_PROFILE,
    VIEW_USERS,
    MANAGE_USERS,
    /** List and revoke one's own sessions and change one's own password: everyone who signs in. */
    MANAGE_OWN_ACCOUNT,
    /** See the center's clients: identity, contact and birth date. */
    VIEW_CLIENTS,
    /** Record clients and change their details. */
    MANAGE_CLIENTS,
    /**
     * See and dismiss the possible duplicates online booking flags (two clients sharing a phone or
     * an email): administrators and receptionists, who run the desk and its client records.
     */
    MANAGE_CLIENT_DUPLICATES,
    /** Read and write a client's notes, which may hold health data. */
    READ_CLIENT_NOTES,
    /** Record and read a client's consents (the consent ledger): every center role, since every desk collects them. */
    MANAGE_CONSENTS,
    /** Add the center's own consent purposes to the built-in ones: administrators. */
    MANAGE_CONSENT_PURPOSES,
    /**
     * Publish the center's notice texts for its consent purposes (what a client is shown before
     * consenting online): administrators, who answer for the words as the controller.
     */
    PUBLISH_CONSENT_NOTICES,
    /** Verify the audit trail and read its events: administrators for their center, operators for every chain. */
    VIEW_AUDIT_TRAIL,
    /** Record, extend and answer clients' data-subject requests (access, erasure, …): the controller's duty. */
    HANDLE_PRIVACY_REQUESTS,
    /** Record personal-data breaches in the platform's incident register: the platform's operators only. */
    REPORT_INCIDENTS,
    /** See the incidents that affected the center, with the 72-hour deadline to its authority: administrators. */
    VIEW_INCIDENTS,
    /** Read what the platform told the center (incidents, policy changes): every member. */
    VIEW_NOTIFICATIONS,
    /** Edit the platform's sub-processor register: the platform's operators only. */
    MANAGE_SUBPROCESSORS,
    /** Publish a version of the platform's privacy policy, which every account is told of: operators only. */
    PUBLISH_POLICY,
    /** Search when a service can be booked: every center role, since every desk answers the phone. */
    VIEW_AVAILABILITY,
    /** Book, see and move every agenda's appointments: administrators and receptionists. */
    MANAGE_APPOINTMENTS,
    /** Book, see and move the appointments of one's own agenda only: professionals. */
    MANAGE_OWN_APPOINTMENTS,
    /**
     * Put clients on the waitlist, see its offers and answer them (accept, decline, withdraw):
     * administrators and receptionists, who run the desk.
     */
    MANAGE_WAITLIST,
    /**
     * Accept a waitlist offer of a slot on one's own agenda, which books it there: professionals, who
     * book their own agenda (the waitlist itself, its reading and its other answers stay the desk's).
     */
    ACCEPT_OWN_WAITLIST_OFFERS,
    /** Read the center's profile and scheduling settings (slot grid, opening hours): every member, who books by them. */
    VIEW_CENTER_SETTINGS,
    /** Change the center's scheduling settings, its public slug included: administrators. */
    MANAGE_CENTER_SETTINGS,
    /** Read the center's tax rates: every member, since services and prices name them. */
    VIEW_TAX_RATES,
    /** Add and retire the center's tax rates: administrators. */
    MANAGE_TAX_RATES,
    /** Read the catalogue (services, rooms, equipment): every member. */
    VIEW_CATALOGUE,
    /** Create and change services, rooms and equipment: administrators. */
    MANAGE_CATALOGUE,
    /** Put a machine in maintenance or back: every member, since whoever finds it broken must stop its bookings. */
    SET_EQUIPMENT_STATUS,
    /** Read members' working hours and time off (reasons aside): every member, who books by them. */
    VIEW_SCHEDULES,
    /** Set anyone's working hours, exceptions and time off: administrators and receptionists, who run every agenda. */
    MANAGE_SCHEDULES,
    /** Set one's own working hours, exceptions and time off: every member. */
    MANAGE_OWN_SCHEDULE,
    /**
     * Make or revoke one's own calendar-feed link: every center role, since whoever has working hours
     * can be booked, whatever the role.
     */
    MANAGE_OWN_CALENDAR_FEED,
    /**
     * Make or revoke any member's calendar-feed link: administrators. The link is a credential that
     * shows a member's agenda with clients' first names, so a receptionist, who manages the agenda
     * through the platform, does not hand out links to it.
     */
    MANAGE_CALENDAR_FEEDS,
    /** Read the center's billing settings (price basis, legal identifiers): administrators and receptionists. */
    VIEW_BILLING_SETTINGS,
    /** Change the center's billing settings: administrators, who answer for what invoices say. */
    MANAGE_BILLING_SETTINGS,
    /** Read invoices and credit notes, their PDF and payments: the desk (administrators, receptionists). */
    VIEW_INVOICES,
    /** Make and change draft invoices: the desk. */
    MANAGE_INVOICES,
    /** Issue an invoice, which numbers and freezes it for the tax office: the desk. */
    ISSUE_INVOICES,
    /** Record payments (cash, card, transfer) and deposits against invoices: the desk. */
    RECORD_PAYMENTS,
    /** Issue credit notes and pay refunds against them: administrators, since money leaves the center. */
    ISSUE_CREDIT_NOTES,
    /** Read the daily cash report per payment method: the desk, who closes the till. */
    VIEW_CASH_REPORT,
    /** Read the center's financial reports (outstanding package liability): administrators. */
    VIEW_FINANCIAL_REPORTS,
    /** Create and retire the prepaid packages the center sells: administrators. */
    MANAGE_PACKAGES,
    /** Sell a package to a client and refund its unused part: the desk sells; refunds need ISSUE_CREDIT_NOTES. */
    SELL_PACKAGES,
    /**
     * See the packages on sale and a client's packages with their balance and expiry: every center
     * role, since whoever completes an appointment sees whether it redeems a session.
     */
    VIEW_PACKAGES,
    /**
     * Debit a client's package by what was used (a device session's shots, pulses or minutes): every
     * center role, since whoever runs the session records it, as completing an appointment redeems.
     */
    REDEEM_PACKAGES,
    /** Connect, reconnect or replace the center's WhatsApp Business number: administrators. */
    CONNECT_WHATSAPP,
    /** Submit templates to Meta, sync them, and map their parameters and purposes: administrators. */
    MANAGE_TEMPLATES,
    /** See the center's templates and their approval status: every center role. */
    VIEW_TEMPLATES,
    /** Read a client's or an appointment's messages and their fate: every center role (as they read clients). */
    VIEW_MESSAGES,
    /** Resend a message left uncertain or failed, as a new message: the desk (administrators, receptionists). */
    RESEND_MESSAGES,
    /** Change when reminders go, the send rate and how long message content is kept: administrators. */
    MANAGE_MESSAGING_SETTINGS,
    /** Read a client's WhatsApp conversation (what they wrote and what was sent): every center role. */
    VIEW_CONVERSATIONS,
    /** Write to a client inside the 24-hour window Meta keeps after they last wrote: the desk. */
    REPLY_TO_CLIENTS,
    /** See contacts whose number matches no client, or several, and attribute their messages: the desk. */
    ATTRIBUTE_CONTACTS,
    /** Create and cancel marketing campaigns: administrators (campaigns are where consent matters most). */
    RUN_CAMPAIGNS,
    /** See campaigns, their recipients and their delivery, read and reply rates: administrators and the desk. */
    VIEW_CAMPAIGNS,
    /** Register connected machines and rotate or revoke their credentials: administrators. */
    REGISTER_DEVICES,
    /** See machines, whether they are online, their telemetry, commands and treatment sessions: every center role. */
    VIEW_DEVICES,
    /**
     * Command a machine (arm, disarm, stop, lock, unlock, set parameters): administrators for any
     * machine; a professional only for an appointment of their own named in the command.
     */
    COMMAND_DEVICES,
    /** Set the maintenance thresholds and fault codes that take a machine out of booking: administrators. */
    MANAGE_DEVICE_MAINTENANCE
}
