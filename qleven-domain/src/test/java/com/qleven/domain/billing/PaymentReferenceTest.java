package com.qleven.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "378282246310005",
            "6011 0009 9013 9424", "4222222222222", "card 5500-0000-0000-0004 ok", "ref 12 4111 1111 1111 1111",
            "4000000000000000006"})
    void cardNumbersAreRefusedNamingTheField(String reference) {
        assertThat(PaymentReference.looksLikeCardNumber(reference)).isTrue();
        assertThatThrownBy(() -> PaymentReference.check(reference, "reference"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("reference"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AUTH 0042A7", "4111111111111112", "123456", "ES7921000813610123456789",
            "TRF-2026-06-15-000123", "41111111111111111111", "411111111111"})
    void otherReferencesAreKept(String reference) {
        assertThat(PaymentReference.looksLikeCardNumber(reference)).isFalse();
        assertThat(PaymentReference.check(" " + reference + " ", "reference")).contains(reference);
    }

    @Test
    void blankIsNoReferenceAndLongOrMultiLineTextIsRefused() {
        assertThat(PaymentReference.check(null, "reference")).isEmpty();
        assertThat(PaymentReference.check("   ", "reference")).isEmpty();
        assertThatThrownBy(() -> PaymentReference.check("x".repeat(65), "reference"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PaymentReference.check("a\nb", "reference")).isInstanceOf(ValidationException.class);
        assertThat(PaymentReference.check("x".repeat(64), "reference")).contains("x".repeat(64));
    }

    @Test
    void methodsReadTheirWireNames() {
        assertThat(PaymentMethod.fromWire("bank_transfer", "method")).isEqualTo(PaymentMethod.BANK_TRANSFER);
        assertThatThrownBy(() -> PaymentMethod.fromWire("cheque", "method")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PaymentMethod.fromWire(null, "method")).isInstanceOf(ValidationException.class);
    }
}
