package com.qleven.adapters.memory;

import com.qleven.ports.messaging.out.SendBudgets;

/** SKELETON: replaced by the helper that owns SendBudgets (issue 11). */
abstract class InMemorySendBudgets implements SendBudgets {
}
