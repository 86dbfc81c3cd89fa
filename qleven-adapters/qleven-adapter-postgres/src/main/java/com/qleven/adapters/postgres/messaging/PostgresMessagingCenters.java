package com.qleven.adapters.postgres.messaging;

import com.qleven.ports.messaging.out.MessagingCenters;

/** SKELETON: replaced by the helper that owns MessagingCenters (issue 11). */
abstract class PostgresMessagingCenters implements MessagingCenters {
}
