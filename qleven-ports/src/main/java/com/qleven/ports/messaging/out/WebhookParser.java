package com.qleven.ports.messaging.out;

/**
 * Reads the body of a WhatsApp webhook POST (Meta's {@code whatsapp_business_account} envelope)
 * into plain records. Every entry, change and item of a batch is read; fields Meta adds later are
 * ignored; what this parser does not handle (other fields, items too broken to read) is counted, never a
 * failure. Implementations keep the wire format to themselves and never put the body, a phone number
 * or a message's text in an exception message or a log.
 */
public interface WebhookParser {
    /**
     * The updates the body carries.
     *
     * @throws MalformedWebhookException when the body is not JSON or not an object: it can never be read
     */
    ParsedWebhook parse(byte[] body);
}
