package com.qleven.adapters.memory;

import com.qleven.ports.messaging.out.Outbox;

/** SKELETON: replaced by the helper that owns Outbox (issue 11). */
abstract class InMemoryOutbox implements Outbox {
}
