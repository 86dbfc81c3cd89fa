package com.qleven.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientPackageTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant SOLD = Instant.parse("2027-03-01T08:00:00Z");
    private static final LocalDate LAST_DAY = LocalDate.parse("2027-03-31");

    private static ClientPackage sold(Entitlement total, long priceMinor) {
        return ClientPackage.sold(new ClientPackageId(UUID.randomUUID()), new PackageId(UUID.randomUUID()),
                new ClientId(UUID.randomUUID()), "Bono", total, new Money(priceMinor, EUR), LAST_DAY,
                new InvoiceId(UUID.randomUUID()), SOLD);
    }

    private static ClientPackage redeemed(ClientPackage p, int times) {
        ClientPackage next = p;
        for (int i = 0; i < times; i++) {
            next = next.redeemSession();
        }
        return next;
    }

    @Test
    void theUnusedValueIsThePriceProRataRoundedHalfUpToTheMinorUnit() {
        // 333.33 × 7 / 10 = 233.331 → 233.33
        assertThat(redeemed(sold(new Entitlement.Sessions(10), 33333), 3).unusedValue())
                .isEqualTo(new Money(23333, EUR));
        // 100.00 × 2 / 3 = 66.666… → 66.67; 100.00 × 1 / 3 = 33.333… → 33.33
        assertThat(redeemed(sold(new Entitlement.Sessions(3), 10000), 1).unusedValue())
                .isEqualTo(new Money(6667, EUR));
        assertThat(redeemed(sold(new Entitlement.Sessions(3), 10000), 2).unusedValue())
                .isEqualTo(new Money(3333, EUR));
        // 0.05 × 1 / 2 = 0.025 → 0.03 (half up, not to even)
        assertThat(redeemed(sold(new Entitlement.Sessions(2), 5), 1).unusedValue()).isEqualTo(new Money(3, EUR));
        // A credit sold at its face value: the credit left.
        assertThat(sold(new Entitlement.Credit(new Money(10000, EUR)), 10000).debitCredit(new Money(4500, EUR))
                .unusedValue()).isEqualTo(new Money(5500, EUR));
    }

    @Test
    void theBalanceNeverGoesBelowZero() {
        ClientPackage last = redeemed(sold(new Entitlement.Sessions(2), 5000), 2);
        assertThat(last.remaining()).isEqualTo(new Entitlement.Sessions(0));
        assertThatThrownBy(last::redeemSession).isInstanceOf(ConflictException.class);
        ClientPackage credit = sold(new Entitlement.Credit(new Money(1000, EUR)), 1000);
        assertThatThrownBy(() -> credit.debitCredit(new Money(1001, EUR))).isInstanceOf(ConflictException.class);
        ClientPackage shots = sold(new Entitlement.Allowance(AllowanceUnit.SHOTS, 100), 9000);
        assertThatThrownBy(() -> shots.debitAllowance(AllowanceUnit.SHOTS, 101)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> shots.debitAllowance(AllowanceUnit.MINUTES, 1))
                .isInstanceOf(UnprocessableException.class);
        assertThatThrownBy(() -> shots.debitAllowance(AllowanceUnit.SHOTS, 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(shots::redeemSession).isInstanceOf(ConflictException.class);
        assertThat(shots.debitAllowance(AllowanceUnit.SHOTS, 100).remaining())
                .isEqualTo(new Entitlement.Allowance(AllowanceUnit.SHOTS, 0));
    }

    @Test
    void itIsValidUntilTheEndOfItsLastLocalDateAndClosedOnceRefunded() {
        ClientPackage p = sold(new Entitlement.Sessions(5), 5000);
        assertThat(p.validOn(LAST_DAY)).isTrue();
        assertThat(p.stateOn(LAST_DAY)).isEqualTo(PackageState.ACTIVE);
        assertThat(p.validOn(LAST_DAY.plusDays(1))).isFalse();
        assertThat(p.stateOn(LAST_DAY.plusDays(1))).isEqualTo(PackageState.EXPIRED);
        assertThat(redeemed(p, 5).stateOn(LAST_DAY)).isEqualTo(PackageState.EXHAUSTED);

        ClientPackage refunded = redeemed(p, 1).refunded(new InvoiceId(UUID.randomUUID()), SOLD);
        assertThat(refunded.refund().orElseThrow().amount()).isEqualTo(new Money(4000, EUR));
        assertThat(refunded.remaining().units()).isZero();
        assertThat(refunded.validOn(LAST_DAY)).isFalse();
        assertThat(refunded.stateOn(LAST_DAY)).isEqualTo(PackageState.REFUNDED);
        assertThatThrownBy(() -> refunded.refunded(new InvoiceId(UUID.randomUUID()), SOLD))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> redeemed(p, 5).refunded(new InvoiceId(UUID.randomUUID()), SOLD))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aCountOutsideItsRangeNamesItsWireField() {
        assertThatThrownBy(() -> new Entitlement.Sessions(-1)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors().get(0).field()).isEqualTo("sessions"));
        assertThatThrownBy(() -> new Entitlement.Allowance(AllowanceUnit.PULSES, Entitlement.MAX_UNITS + 1))
                .satisfies(e -> assertThat(((ValidationException) e).errors().get(0).field())
                        .isEqualTo("allowance.amount"));
        assertThatThrownBy(() -> AllowanceUnit.fromWire("joules", "allowance.unit"))
                .satisfies(e -> assertThat(((ValidationException) e).errors().get(0).field())
                        .isEqualTo("allowance.unit"));
    }
}
