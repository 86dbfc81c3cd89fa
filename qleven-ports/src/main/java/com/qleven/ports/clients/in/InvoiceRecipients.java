package com.qleven.ports.clients.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;

/**
 * What billing reads of a client when it issues an invoice: the billing identity to copy into it.
 * For the services of the billing context, not for principals: it checks no permission and records
 * no audit event, since it runs inside the caller's unit of work, whose use case does both.
 */
public interface InvoiceRecipients {

    /**
     * The client as an invoice's recipient, read in the unit of work open on the thread (it opens
     * none of its own) with one statement of the store: the client's row and whether its
     * processing is restricted. Decrypting takes the cipher's key reads on top (at most one
     * statement, none when the unit already read the keys).
     *
     * @throws com.qleven.domain.shared.NotFoundException on {@code client} when the center has no such client
     */
    InvoiceRecipient recipient(TenantId tenant, ClientId client);
}
