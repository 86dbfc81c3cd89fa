package com.qleven.adapters.postgres.messaging;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.ports.messaging.out.Campaigns;
import com.qleven.ports.messaging.out.DeliveryReports;
import com.qleven.ports.messaging.out.InboundMessages;
import com.qleven.ports.messaging.out.WhatsAppContacts;
import com.qleven.ports.messaging.out.MessagingStore;
import com.qleven.ports.messaging.out.WhatsAppAccounts;
import com.qleven.ports.messaging.out.WhatsAppTemplates;
import com.qleven.ports.messaging.out.Outbox;
import com.qleven.ports.messaging.out.SendBudgets;
import com.qleven.ports.messaging.out.WebhookInbox;
import com.qleven.ports.messaging.out.MessagingCenters;

/** Builds the PostgreSQL repositories of the messaging out-ports; their classes stay package-private. */
public final class MessagingRepositories {
    private MessagingRepositories() {
    }

    public static MessagingStore store(PostgresTransactions tx) {
        return new Group(new PostgresWhatsAppAccounts(tx), new PostgresWhatsAppTemplates(tx),
                new PostgresOutbox(tx), new PostgresSendBudgets(tx), new PostgresWebhookInbox(tx),
                new PostgresMessagingCenters(tx), new PostgresDeliveryReports(tx), new PostgresWhatsAppContacts(tx),
                new PostgresInboundMessages(tx), new PostgresCampaigns(tx));
    }

    private record Group(WhatsAppAccounts accounts, WhatsAppTemplates templates, Outbox outbox, SendBudgets sendBudgets, WebhookInbox webhookInbox, MessagingCenters centers,
                         DeliveryReports deliveryReports, WhatsAppContacts contacts,
                         InboundMessages inbound, Campaigns campaigns) implements MessagingStore {
    }
}
