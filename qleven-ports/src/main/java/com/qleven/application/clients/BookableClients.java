package com.qleven.application.clients;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.ports.clients.out.ClientRestrictions;

/**
 * What a staff booking asks of its client, in one statement inside the center's unit of work:
 * that the center has the client, and whether its processing is restricted. The same answers as
 * {@link ClientLookup#exists} and {@link ProcessingCheckService}, without reading (or decrypting)
 * the sealed client row and without a second round trip.
 */
public final class BookableClients {
    private final ClientRestrictions restrictions;

    public BookableClients(ClientRestrictions restrictions) {
        this.restrictions = restrictions;
    }

    /** Whether the client's processing is restricted; the caller refuses it when it is ready to. */
    public record Standing(boolean restricted) {

        /** Refuses a restricted client as {@link ProcessingCheckService#requireProcessable} does. */
        public void requireProcessable() {
            if (restricted) {
                throw ClientAccess.restricted();
            }
        }
    }

    /**
     * The client's standing in the center.
     *
     * @throws UnprocessableException naming {@code field} when the center has no such client
     */
    public Standing require(TenantId tenant, ClientId client, String field) {
        return restrictions.restrictedIfClient(tenant, client).map(Standing::new)
                .orElseThrow(() -> new UnprocessableException(field, "is not a client of this center"));
    }
}
