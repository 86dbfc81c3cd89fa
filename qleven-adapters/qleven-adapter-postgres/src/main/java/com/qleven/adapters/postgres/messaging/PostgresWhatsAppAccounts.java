package com.qleven.adapters.postgres.messaging;

import com.qleven.ports.messaging.out.WhatsAppAccounts;

/** SKELETON: replaced by the helper that owns WhatsAppAccounts (issue 11). */
abstract class PostgresWhatsAppAccounts implements WhatsAppAccounts {
}
