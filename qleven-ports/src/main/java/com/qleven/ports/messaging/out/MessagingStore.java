package com.qleven.ports.messaging.out;

/**
 * The store's messaging group: each center's connected WhatsApp number, its template registry, the
 * outbox of outbound messages, the campaigns, the send budgets hosts share, the inbox of webhook events and the
 * center's messaging settings; the clients' inbound messages and their senders.
 */
public interface MessagingStore {
    /** The center's connected number and the directory that finds a center by its number or business account. */
    WhatsAppAccounts accounts();

    /** The center's templates, as Meta last told. */
    WhatsAppTemplates templates();

    /** Outbound messages: written with their cause, claimed by dispatchers, moved by statuses. */
    Outbox outbox();

    /** Token buckets per number and per recipient, shared by every host through the store. */
    SendBudgets sendBudgets();

    /** Webhook events as Meta posted them, kept sealed until processed. */
    WebhookInbox webhookInbox();

    /** What statuses added to each outbound message: pricing, conversation, last error. */
    DeliveryReports deliveryReports();

    /** Reminder offsets, send rate and content retention per center. */
    MessagingCenters centers();

    /** Marketing campaigns and the message each queued per recipient. */
    Campaigns campaigns();

    /** The senders of inbound messages, one per center and number. */
    WhatsAppContacts contacts();

    /** Clients' inbound messages and preference changes. */
    InboundMessages inbound();
}
