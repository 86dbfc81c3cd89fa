package com.qleven.domain.billing;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A prepaid package sold to a client: what it gave ({@code total}) and what is left ({@code
 * remaining}, the same kind, never below zero), the price paid through its sale invoice, and the
 * last local date (in the center's zone) it may be used, inclusive. Every debit goes through here
 * and refuses to take the balance below zero (409), so a caller that read the package under a lock
 * can never oversell it. Once refunded it is closed for good.
 */
public record ClientPackage(ClientPackageId id, PackageId packageId, ClientId client, String name,
                            Entitlement total, Entitlement remaining, Money price, LocalDate expiresOn,
                            InvoiceId saleInvoice, Optional<Refund> refund, Instant soldAt) {

    /** How the package was closed: the credit note for its unused part, when, and for how much. */
    public record Refund(InvoiceId creditNote, Money amount, Instant at) {
        public Refund {
            Objects.requireNonNull(creditNote, "creditNote");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(at, "at");
        }
    }

    public ClientPackage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(expiresOn, "expiresOn");
        Objects.requireNonNull(saleInvoice, "saleInvoice");
        Objects.requireNonNull(refund, "refund");
        Objects.requireNonNull(soldAt, "soldAt");
        if (total.getClass() != remaining.getClass() || total.units() <= 0 || remaining.units() > total.units()
                || !remaining.equals(total.withUnits(remaining.units()))) {
            throw new IllegalArgumentException("a package's balance is of its own kind, from 0 to what it gave");
        }
        if (price.isNegative()) {
            throw new IllegalArgumentException("a package's price is not negative");
        }
    }

    /** A package just sold: all of {@code total} left. */
    public static ClientPackage sold(ClientPackageId id, PackageId packageId, ClientId client, String name,
                                     Entitlement total, Money price, LocalDate expiresOn, InvoiceId saleInvoice,
                                     Instant at) {
        return new ClientPackage(id, packageId, client, name, total, total, price, expiresOn, saleInvoice,
                Optional.empty(), at);
    }

    /** Whether it redeems on {@code day} (a local date of the center): not refunded, not past its last day. */
    public boolean validOn(LocalDate day) {
        return refund.isEmpty() && !day.isAfter(expiresOn);
    }

    /** Where it stands on {@code today}; a refund wins, then an empty balance, then the expiry. */
    public PackageState stateOn(LocalDate today) {
        if (refund.isPresent()) {
            return PackageState.REFUNDED;
        }
        if (remaining.units() == 0) {
            return PackageState.EXHAUSTED;
        }
        return today.isAfter(expiresOn) ? PackageState.EXPIRED : PackageState.ACTIVE;
    }

    /** One session less; a package of another kind, or with none left, is a 409. */
    public ClientPackage redeemSession() {
        if (!(total instanceof Entitlement.Sessions)) {
            throw new ConflictException("this package holds no sessions", Map.of("kind", total.kind()));
        }
        return debit(1);
    }

    /** The credit less {@code price}; another kind, another currency or too little credit is a 409. */
    public ClientPackage debitCredit(Money amount) {
        if (!(total instanceof Entitlement.Credit credit)) {
            throw new ConflictException("this package holds no credit", Map.of("kind", total.kind()));
        }
        if (!credit.amount().currency().equals(amount.currency())) {
            throw new ConflictException("the credit is in " + credit.amount().currency().getCurrencyCode(),
                    Map.of("field", "currency"));
        }
        return debit(amount.amountMinor());
    }

    /**
     * The allowance less {@code amount} of {@code unit}: another kind or unit is a 422 naming {@code
     * unit}, an amount not above zero a 400 naming {@code amount}, more than is left a 409 (the
     * balance never goes below zero).
     */
    public ClientPackage debitAllowance(AllowanceUnit unit, long amount) {
        Objects.requireNonNull(unit, "unit");
        if (!(total instanceof Entitlement.Allowance allowance) || allowance.unit() != unit) {
            throw new UnprocessableException("unit", total instanceof Entitlement.Allowance a
                    ? "this package's allowance is counted in " + a.unit().wireName()
                    : "this package holds no allowance");
        }
        if (amount <= 0) {
            throw new ValidationException("amount", "must be above 0");
        }
        return debit(amount);
    }

    private ClientPackage debit(long units) {
        if (refund.isPresent()) {
            throw new ConflictException("this package was refunded and is closed", Map.of("status", "refunded"));
        }
        if (units < 0 || units > remaining.units()) {
            throw new ConflictException("the package has not that much left",
                    Map.of("remaining", remaining.units(), "asked", units));
        }
        return new ClientPackage(id, packageId, client, name, total, total.withUnits(remaining.units() - units),
                price, expiresOn, saleInvoice, refund, soldAt);
    }

    /**
     * What is left of it in money: {@code price × remaining / total}, rounded half up to the minor
     * unit. For a credit sold at its face value this is the credit left; for sessions, the price of
     * the sessions not used. What a refund pays back and what the liability report counts.
     */
    public Money unusedValue() {
        return unusedValue(price, total.units(), remaining.units());
    }

    /** {@link #unusedValue()} for a price and a balance, so a report over many packages rounds each the same way. */
    public static Money unusedValue(Money price, long total, long remaining) {
        if (total <= 0 || remaining < 0 || remaining > total) {
            throw new IllegalArgumentException("a balance is 0 to the total, and the total above 0");
        }
        long value = BigDecimal.valueOf(price.amountMinor()).multiply(BigDecimal.valueOf(remaining))
                .divide(BigDecimal.valueOf(total), 0, RoundingMode.HALF_UP).longValueExact();
        return new Money(value, price.currency());
    }

    /**
     * Closed by the credit note {@code note} for its unused value: nothing is left, and nothing
     * redeems it any more. A refunded package, or one with nothing unused, is a 409.
     */
    public ClientPackage refunded(InvoiceId note, Instant at) {
        if (refund.isPresent()) {
            throw new ConflictException("this package was refunded already", Map.of("status", "refunded"));
        }
        Money amount = unusedValue();
        if (remaining.units() == 0 || amount.amountMinor() == 0) {
            throw new ConflictException("nothing of this package is unused: there is nothing to refund",
                    Map.of("remaining", remaining.units()));
        }
        return new ClientPackage(id, packageId, client, name, total, total.withUnits(0), price, expiresOn,
                saleInvoice, Optional.of(new Refund(note, amount, at)), soldAt);
    }
}
