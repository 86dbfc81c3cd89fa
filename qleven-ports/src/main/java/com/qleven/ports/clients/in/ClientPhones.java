package com.qleven.ports.clients.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.BlindIndex;
import java.time.Instant;
import java.util.List;

/**
 * The clients' phone numbers as messaging meets them: the blind index a client's phone is looked up
 * by, the clients with a number, and a number change WhatsApp reported. For the services of other
 * contexts, not for principals: it checks no permission and runs in the unit of work open on the
 * caller's thread (opening none of its own).
 */
public interface ClientPhones {
    /** The index the center's clients' phones are looked up by: the same for a contact's number. */
    BlindIndex index(TenantId tenant, PhoneNumber phone);

    /**
     * The center's clients whose phone has that index (an erased client has none), in one statement;
     * at most {@value #MAX_CLIENTS} (a number shared by more is treated as shared all the same).
     */
    List<ClientId> withNumber(TenantId tenant, BlindIndex phoneIndex);

    int MAX_CLIENTS = 50;

    /**
     * The sender of a WhatsApp message told that their number changed from {@code from} to {@code to}
     * (Meta's {@code user_changed_number}): each client of the center with {@code from} gets {@code to},
     * on the audit trail with no principal (WhatsApp reported it) and the message's wamid as evidence.
     * A client whose processing is restricted is left as it is. The clients changed.
     */
    List<ClientId> numberChanged(TenantId tenant, PhoneNumber from, PhoneNumber to, String evidenceWamid, Instant at);
}
