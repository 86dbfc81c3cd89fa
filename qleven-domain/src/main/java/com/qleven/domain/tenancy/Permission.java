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
    /** Read and write a client's notes, which may hold health data. */
    READ_CLIENT_NOTES,
    /** Verify the audit trail and read its events: administrators for their center, operators for every chain. */
    VIEW_AUDIT_TRAIL
}
