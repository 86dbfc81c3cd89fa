package com.qleven.ports.billing.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.billing.InvoiceId;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.PaymentId;
import com.qleven.domain.billing.PaymentKind;
import com.qleven.domain.billing.PaymentMethod;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentTest {

    @Test
    void aPaymentsSignFollowsItsKindAndADepositIsAppliedOnce() {
        Currency eur = Currency.getInstance("EUR");
        UserId by = new UserId(UUID.randomUUID());
        Optional<InvoiceId> invoice = Optional.of(new InvoiceId(UUID.randomUUID()));
        Instant at = Instant.parse("2026-06-15T10:00:00Z");
        assertThatThrownBy(() -> new Payment(new PaymentId(UUID.randomUUID()), PaymentKind.REFUND, invoice,
                Optional.empty(), PaymentMethod.CASH, new Money(100, eur), Optional.empty(), "manual", at, by))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Payment(new PaymentId(UUID.randomUUID()), PaymentKind.PAYMENT, invoice,
                Optional.empty(), PaymentMethod.CASH, new Money(-100, eur), Optional.empty(), "manual", at, by))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Payment(new PaymentId(UUID.randomUUID()), PaymentKind.DEPOSIT, invoice,
                Optional.empty(), PaymentMethod.CASH, new Money(100, eur), Optional.empty(), "manual", at, by))
                .as("a deposit names its appointment").isInstanceOf(IllegalArgumentException.class);
        Payment deposit = new Payment(new PaymentId(UUID.randomUUID()), PaymentKind.DEPOSIT, Optional.empty(),
                Optional.of(new AppointmentId(UUID.randomUUID())), PaymentMethod.CARD, new Money(100, eur),
                Optional.empty(), "manual", at, by);
        Payment applied = deposit.appliedTo(invoice.get());
        assertThat(applied.invoice()).isEqualTo(invoice);
        assertThat(applied.amount()).isEqualTo(deposit.amount());
        assertThatThrownBy(() -> applied.appliedTo(new InvoiceId(UUID.randomUUID())))
                .isInstanceOf(IllegalStateException.class);
    }
}
