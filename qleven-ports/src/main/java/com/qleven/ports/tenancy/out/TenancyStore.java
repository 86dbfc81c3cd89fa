package com.qleven.ports.tenancy.out;

/**
 * The store's tenancy group: centers, accounts and their memberships, invitations, link tokens and
 * sign-in sessions. Writes join the unit of work open on the thread.
 */
public interface TenancyStore {
    Centers centers();

    Accounts accounts();

    Memberships memberships();

    Invitations invitations();

    AccountTokens accountTokens();

    Sessions sessions();

    /** How a request's unit of work opens by its session token. */
    SessionGate sessionGate();
}
