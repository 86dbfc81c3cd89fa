package com.qleven.ports.consent.in;

import com.qleven.domain.consent.ConsentEntry;

/**
 * For other contexts: records a consent captured elsewhere, with no staff principal (the entry has
 * no recorder). The same rules as for staff hold: the center's purposes, the notice, the minors rule.
 */
public interface RecordConsentFromChannel {

    /**
     * @throws com.qleven.domain.shared.NotFoundException when the center has no such client
     * @throws com.qleven.domain.shared.ValidationException naming a bad {@code textVersion}, {@code text},
     *         {@code proof} or a purpose that is not the center's
     * @throws com.qleven.domain.shared.UnprocessableException naming {@code birthDate} for a marketing
     *         grant to a client under 16
     */
    ConsentEntry record(ChannelConsent consent);
}
