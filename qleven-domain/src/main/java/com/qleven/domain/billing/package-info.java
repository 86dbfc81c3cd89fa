/**
 * Billing's values that other contexts refer to ({@code Money} in minor units, the center's tax
 * rates with their country seeds) and the invoice's arithmetic ({@code InvoiceArithmetic}: quantities
 * as decimals, prices with or without tax, per-line tax rounded half up once, discounts per line and
 * per invoice spread in proportion before tax, totals per rate). Billing depends on no other context.
 */
package com.qleven.domain.billing;
