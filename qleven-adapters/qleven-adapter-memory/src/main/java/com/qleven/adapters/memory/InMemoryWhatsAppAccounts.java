package com.qleven.adapters.memory;

import com.qleven.ports.messaging.out.WhatsAppAccounts;

/** SKELETON: replaced by the helper that owns WhatsAppAccounts (issue 11). */
abstract class InMemoryWhatsAppAccounts implements WhatsAppAccounts {
}
