package com.qleven.domain.tenancy;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsTwelveToOneHundredTwentyEightCharacters() {
        assertThatCode(() -> PasswordPolicy.check("password", "correct horse")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("password", "ab1-".repeat(32))).doesNotThrowAnyException();
    }

    @Test
    void refusesShortLongRepeatedAndWellKnownPasswords() {
        assertRefused("short pass", "at least 12");
        assertRefused("abcd".repeat(33), "at most 128");
        assertRefused("aaaaaaaaaaaaaaaa", "repeated");
        assertRefused("Password1234", "well-known");
        assertRefused(null, "required");
    }

    @Test
    void countsCharactersNotBytes() {
        assertThatCode(() -> PasswordPolicy.check("password", "ñandú-café-€€")).doesNotThrowAnyException();
    }

    private static void assertRefused(String password, String why) {
        assertThatThrownBy(() -> PasswordPolicy.check("admin.password", password))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.errors()).singleElement()
                            .satisfies(f -> {
                                org.assertj.core.api.Assertions.assertThat(f.field()).isEqualTo("admin.password");
                                org.assertj.core.api.Assertions.assertThat(f.message()).contains(why);
                            });
                });
    }
}
