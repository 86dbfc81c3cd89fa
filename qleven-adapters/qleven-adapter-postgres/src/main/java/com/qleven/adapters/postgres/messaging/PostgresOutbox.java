package com.qleven.adapters.postgres.messaging;

import com.qleven.ports.messaging.out.Outbox;

/** SKELETON: replaced by the helper that owns Outbox (issue 11). */
abstract class PostgresOutbox implements Outbox {
}
