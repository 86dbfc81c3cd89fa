package com.qleven.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void normalisesCaseAndSpaces() {
        assertThat(new EmailAddress("  Ana.Lopez@Example.COM ").value()).isEqualTo("ana.lopez@example.com");
    }

    @Test
    void refusesWhatIsNotAnAddress() {
        for (String bad : new String[] {"", "ana", "ana@", "@example.com", "ana@example", "a b@example.com",
                "ana..x@example.com", "x".repeat(250) + "@example.com"}) {
            assertThatThrownBy(() -> new EmailAddress(bad)).as(bad).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void neverPrintsItself() {
        assertThat(new EmailAddress("ana@example.com").toString()).doesNotContain("ana");
        assertThat(new PhoneNumber("+34600111222").toString()).doesNotContain("600");
    }
}
