package com.qleven.ports.billing.in;

import com.qleven.domain.billing.InvoiceNumber;
import java.util.Optional;

/**
 * The check of one series' chain: how many issued invoices it holds, whether their places run 1..n
 * with no gap and every hash chains, and the first number where it does not.
 */
public record SeriesCheck(InvoiceNumber.Series series, long count, boolean verified, Optional<String> brokenAt,
                          Optional<String> reason) {
}
