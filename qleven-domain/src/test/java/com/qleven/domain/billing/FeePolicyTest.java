package com.qleven.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The center's fee policy: what a no-show or a late cancellation costs, and the fields a bad one names. */
class FeePolicyTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    private static Money eur(long minor) {
        return new Money(minor, EUR);
    }

    private static BillingSettings policy(Optional<Fee> noShow, Optional<Fee> late) {
        return new BillingSettings(PriceBasis.TAX_INCLUDED, Optional.empty(), Optional.empty(), Optional.empty(),
                noShow, late);
    }

    private static List<String> fields(Throwable e) {
        return ((ValidationException) e).errors().stream().map(FieldError::field).toList();
    }

    @Test
    void a_fixed_fee_is_its_amount_whatever_the_price() {
        BillingSettings s = policy(Optional.of(new Fee.Fixed(eur(1500))), Optional.empty());
        assertThat(s.noShowFeeFor(eur(4525))).contains(eur(1500));
        assertThat(s.noShowFeeFor(eur(900))).contains(eur(1500));
        assertThat(s.lateCancellationFeeFor(eur(4525))).isEmpty();
    }

    @Test
    void a_percentage_rounds_half_up_to_the_cent() {
        // 50 % of 45.25 = 22.625 → 22.63; 50 % of 45.23 = 22.615 → 22.62; 12.5 % of 9.99 = 1.24875 → 1.25
        assertThat(Fee.Percent.parse("50", "f").of(eur(4525))).isEqualTo(eur(2263));
        assertThat(Fee.Percent.parse("50", "f").of(eur(4523))).isEqualTo(eur(2262));
        assertThat(Fee.Percent.parse("12.5", "f").of(eur(999))).isEqualTo(eur(125));
        assertThat(Fee.Percent.parse("100", "f").of(eur(4525))).isEqualTo(eur(4525));
        assertThat(Fee.Percent.parse("33.33", "f").of(eur(0))).isEqualTo(eur(0));
        BillingSettings s = policy(Optional.empty(), Optional.of(Fee.Percent.parse("50.00", "f")));
        assertThat(s.lateCancellationFeeFor(eur(4525))).contains(eur(2263));
        assertThat(((Fee.Percent) s.lateCancellationFee().orElseThrow()).text()).isEqualTo("50");
    }

    @Test
    void no_policy_charges_nothing() {
        BillingSettings s = BillingSettings.defaults();
        assertThat(s.noShowFeeFor(eur(4525))).isEmpty();
        assertThat(s.lateCancellationFeeFor(eur(4525))).isEmpty();
    }

    @Test
    void a_bad_fee_names_its_policy_and_member_all_at_once() {
        assertThatThrownBy(() -> policy(Optional.of(new Fee.Fixed(eur(0))),
                Optional.of(new Fee.Percent(new BigDecimal("100.01")))))
                .satisfies(e -> assertThat(fields(e)).containsExactly("noShowFee.amount.amountMinor",
                        "lateCancellationFee.percent"));
        assertThatThrownBy(() -> policy(Optional.of(new Fee.Percent(BigDecimal.ZERO)),
                Optional.of(new Fee.Percent(new BigDecimal("10.005")))))
                .satisfies(e -> assertThat(fields(e)).containsExactly("noShowFee.percent",
                        "lateCancellationFee.percent"));
        assertThatThrownBy(() -> new BillingSettings(PriceBasis.TAX_INCLUDED, Optional.empty(), Optional.of("12"),
                Optional.empty(), Optional.of(new Fee.Fixed(eur(-5))), Optional.empty()))
                .satisfies(e -> assertThat(fields(e)).containsExactly("ice", "noShowFee.amount.amountMinor"));
    }

    @Test
    void the_wire_percentage_is_a_plain_decimal_string() {
        for (String bad : new String[] {"-5", "1e2", "12,5", "5.125", "", "1000"}) {
            assertThatThrownBy(() -> Fee.Percent.parse(bad, "noShowFee.percent"))
                    .as(bad).satisfies(e -> assertThat(fields(e)).containsExactly("noShowFee.percent"));
        }
        assertThatThrownBy(() -> Fee.Percent.parse(null, "noShowFee.percent"))
                .satisfies(e -> assertThat(fields(e)).containsExactly("noShowFee.percent"));
    }
}
