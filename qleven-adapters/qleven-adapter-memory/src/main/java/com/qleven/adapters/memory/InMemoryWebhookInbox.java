package com.qleven.adapters.memory;

import com.qleven.ports.messaging.out.WebhookInbox;

/** SKELETON: replaced by the helper that owns WebhookInbox (issue 11). */
abstract class InMemoryWebhookInbox implements WebhookInbox {
}
