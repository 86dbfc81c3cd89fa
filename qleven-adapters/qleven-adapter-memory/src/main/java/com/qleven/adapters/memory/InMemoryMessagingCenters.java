package com.qleven.adapters.memory;

import com.qleven.ports.messaging.out.MessagingCenters;

/** SKELETON: replaced by the helper that owns MessagingCenters (issue 11). */
abstract class InMemoryMessagingCenters implements MessagingCenters {
}
