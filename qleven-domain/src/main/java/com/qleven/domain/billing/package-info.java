/**
 * Billing's values that other contexts refer to: {@code Money} in minor units and the center's tax
 * rates with their country seeds. Billing depends on no other context.
 */
package com.qleven.domain.billing;
