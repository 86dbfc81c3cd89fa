package com.qleven.adapters.postgres.messaging;

import com.qleven.ports.messaging.out.SendBudgets;

/** SKELETON: replaced by the helper that owns SendBudgets (issue 11). */
abstract class PostgresSendBudgets implements SendBudgets {
}
