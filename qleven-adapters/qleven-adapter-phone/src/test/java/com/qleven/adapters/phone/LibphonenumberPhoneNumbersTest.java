package com.qleven.adapters.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

class LibphonenumberPhoneNumbersTest {
    private final LibphonenumberPhoneNumbers phones = new LibphonenumberPhoneNumbers();

    private String e164(String raw, String region) {
        return phones.parse("phone", raw, region).e164();
    }

    @Test
    void readsLocalFormsInTheCentersCountry() {
        assertThat(e164("600 111 222", "ES")).isEqualTo("+34600111222");
        assertThat(e164("600-11-12-22", "ES")).isEqualTo("+34600111222");
        assertThat(e164("(91) 123 45 67", "ES")).isEqualTo("+34911234567");
        assertThat(e164("0612-345678", "MA")).isEqualTo("+212612345678");
        assertThat(e164("06 12 34 56 78", "MA")).isEqualTo("+212612345678");
    }

    @Test
    void readsInternationalFormsWhateverTheCountry() {
        assertThat(e164("+34 600 111 222", "MA")).isEqualTo("+34600111222");
        assertThat(e164("0034 600 111 222", "ES")).isEqualTo("+34600111222");
        assertThat(e164("00212 612 345 678", "ES")).isEqualTo("+212612345678");
        assertThat(e164("+212612345678", "es")).isEqualTo("+212612345678");
    }

    @Test
    void refusesWhatIsNoValidNumberNamingTheFieldAndTheCountry() {
        assertThatThrownBy(() -> phones.parse("phone", "600", "ES"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("phone", "not a valid number for ES")));
        assertThatThrownBy(() -> phones.parse("contact.phone", "+34 123", "MA"))
                .hasMessage("contact.phone: not a valid number for ES");
        for (String bad : new String[] {"abc", "'; DROP TABLE clients; --", "+0 600 111 222", "600111222333444",
                "400123456", "+999 1234567"}) {
            assertThatThrownBy(() -> phones.parse("phone", bad, "ES")).as(bad)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("phone"));
        }
        assertThatThrownBy(() -> phones.parse("phone", " ", "ES")).hasMessage("phone: is required");
        assertThatThrownBy(() -> phones.parse("phone", "6".repeat(65), "ES"))
                .hasMessage("phone: must be at most 64 characters");
    }

    @Test
    void theSameNumberTypedAnyWayIsOneValue() {
        PhoneNumber local = phones.parse("phone", "600111222", "ES");
        assertThat(phones.parse("phone", "+34600111222", "ES")).isEqualTo(local);
        assertThat(phones.parse("phone", "0034600111222", "ES")).isEqualTo(local);
        assertThat(phones.parse("phone", "+34 (600) 11-12-22", "FR")).isEqualTo(local);
    }
}
