package com.qleven.adapters.memory;

import com.qleven.ports.messaging.out.WhatsAppTemplates;

/** SKELETON: replaced by the helper that owns WhatsAppTemplates (issue 11). */
abstract class InMemoryWhatsAppTemplates implements WhatsAppTemplates {
}
