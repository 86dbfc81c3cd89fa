package com.qleven.adapters.postgres.messaging;

import com.qleven.ports.messaging.out.WebhookInbox;

/** SKELETON: replaced by the helper that owns WebhookInbox (issue 11). */
abstract class PostgresWebhookInbox implements WebhookInbox {
}
