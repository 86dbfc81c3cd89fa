package com.qleven.domain.messaging;

import java.util.Locale;

/**
 * Where an outbound message stands; wire names are lowercase ({@code uncertain}). Every message ends
 * visibly: read, delivered, sent, failed (with its Graph code), skipped (with a reason) or uncertain
 * (shown to staff with a resend action; never resent by itself).
 */
public enum MessageStatus {
    /** Waiting to be sent, at its next attempt time. */
    QUEUED,
    /** Claimed and marked before the call to Meta, so a crash mid-call is never taken for "not sent". */
    SENDING,
    /** Meta accepted it (it has a wamid). */
    SENT,
    DELIVERED,
    READ,
    /** Meta refused it for good, or retries ran out; the failure says why. */
    FAILED,
    /** The call's outcome is unknown (the connection dropped after the request left). */
    UNCERTAIN,
    /** Not sent, for a reason known before sending (no consent, no approved template, …). */
    SKIPPED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the dispatcher is done with it: nothing but a status webhook changes it any more. */
    public boolean settled() {
        return this != QUEUED && this != SENDING;
    }
}
