package com.qleven.adapters.postgres.messaging;

import com.qleven.ports.messaging.out.WhatsAppTemplates;

/** SKELETON: replaced by the helper that owns WhatsAppTemplates (issue 11). */
abstract class PostgresWhatsAppTemplates implements WhatsAppTemplates {
}
