package com.qleven.ports.consent.in;

import com.qleven.domain.consent.ConsentEntry;
import java.util.Optional;

/**
 * For other contexts: a client's withdrawal captured elsewhere (a WhatsApp STOP, a marketing stop in
 * WhatsApp's settings), recorded only when it withdraws something: when the client's latest entry for
 * the purpose at the decision time ({@link ChannelConsent#decidedAt}, else now) is a grant. Otherwise
 * (no entry at all, already withdrawn or refused) nothing is written. In the caller's unit of work
 * when one is open for the center.
 */
@FunctionalInterface
public interface WithdrawConsentFromChannel {

    /**
     * @return the entry written; empty when there was nothing to withdraw
     * @throws IllegalArgumentException when {@code consent} is not a withdrawal
     * @throws com.qleven.domain.shared.NotFoundException when the center has no such client
     * @throws com.qleven.domain.shared.ValidationException naming a bad {@code textVersion}, {@code text},
     *         {@code proof} or a purpose that is not the center's
     */
    Optional<ConsentEntry> withdraw(ChannelConsent consent);
}
