package com.qleven.domain.messaging;

import java.util.Locale;

/**
 * Why a message was not sent, decided before any call to Meta and shown to staff. Wire names are
 * lowercase snake_case ({@code no_whatsapp_consent}).
 */
public enum SkipReason {
    /** The client has not consented to WhatsApp messages (or withdrew before the send). */
    NO_WHATSAPP_CONSENT,
    /** The client restricted processing of their data. */
    RESTRICTED,
    /** Marketing only: no marketing consent. */
    NO_MARKETING_CONSENT,
    /** Marketing only: the client objected to marketing. */
    OBJECTED,
    /** Marketing only: the client opted out (stop promotions, a STOP reply, the suppression list). */
    OPTED_OUT,
    /** Marketing only: the client is under 16. */
    UNDER_16,
    /** No approved template of the purpose in the client's or the center's language. */
    NO_APPROVED_TEMPLATE,
    /** The client has no mobile phone number to send to. */
    NO_PHONE,
    /** A mapped source has nothing for this message (e.g. an appointment field for no appointment). */
    MISSING_PARAMETER,
    /** The appointment was cancelled before its reminder went. */
    APPOINTMENT_CANCELLED,
    /** The appointment moved before this reminder went; reminders for its new time replace it. */
    RESCHEDULED,
    /** The center's number is not connected. */
    NO_ACCOUNT,
    /** Free text only: the 24-hour window Meta keeps after the client last wrote had closed by send time. */
    OUTSIDE_WINDOW,
    /** Marketing only: the client already had the center's cap of marketing messages in its window. */
    FREQUENCY_CAP,
    /** Marketing only: the campaign was cancelled before this message went. */
    CAMPAIGN_CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
