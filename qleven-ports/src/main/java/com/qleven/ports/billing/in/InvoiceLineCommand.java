package com.qleven.ports.billing.in;

import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.Quantity;
import java.util.Optional;

/**
 * One line as a caller asks for it: a description, a quantity, a unit price in the center's price
 * basis, the code of one of the center's tax rates, and an optional discount of its own. The
 * service resolves the rate and names {@code lines[i].taxRate} when the center offers none of that code.
 */
public record InvoiceLineCommand(String description, Quantity quantity, Money unitPrice, String taxRate,
                                 Optional<Money> discount) {
}
