package com.qleven.ports.consent.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentEntry;
import com.qleven.domain.tenancy.Principal;

/** Staff record a client's consent decision, as the client gave it to them. */
public interface RecordConsent {

    /**
     * Appends the decision with the principal as its recorder and the server time.
     *
     * @throws com.qleven.domain.shared.NotFoundException for an unknown client and another center's alike
     * @throws com.qleven.domain.shared.ValidationException naming each bad member; an unknown purpose,
     *         and the {@code whatsapp_reply} channel, which only the platform records, name theirs
     * @throws com.qleven.domain.shared.UnprocessableException naming {@code birthDate} for a marketing
     *         grant to a client under 16 on the center's date; nothing is written
     * @throws com.qleven.domain.shared.ForbiddenException unless the role may manage consents
     */
    ConsentEntry record(Principal principal, ClientId client, RecordConsentCommand command);
}
