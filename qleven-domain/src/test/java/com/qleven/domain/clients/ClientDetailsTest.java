package com.qleven.domain.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ClientDetailsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 29);
    private static final Function<String, PhoneNumber> PHONES = raw -> {
        if (!raw.startsWith("+")) {
            throw new ValidationException("phone", "not a valid number for ES");
        }
        return new PhoneNumber(raw);
    };

    @Test
    void parsesEveryMemberAndStripsText() {
        ClientDetails details = ClientDetails.parse("  Lucía Fernández ", "+34600111222", "Lucia@Example.com",
                "1990-04-12", "\n Prefers mornings.\nAllergic to latex.\t ", PHONES, TODAY);
        assertThat(details.fullName()).isEqualTo("Lucía Fernández");
        assertThat(details.phone()).contains(new PhoneNumber("+34600111222"));
        assertThat(details.email().orElseThrow().value()).isEqualTo("lucia@example.com");
        assertThat(details.birthDate()).contains(LocalDate.of(1990, 4, 12));
        assertThat(details.notes()).contains("Prefers mornings.\nAllergic to latex.");
    }

    @Test
    void onlyTheNameIsRequired() {
        ClientDetails details = ClientDetails.parse("Ana", null, null, null, null, PHONES, TODAY);
        assertThat(details.phone()).isEmpty();
        assertThat(details.email()).isEmpty();
        assertThat(details.birthDate()).isEmpty();
        assertThat(details.notes()).isEmpty();
    }

    @Test
    void namesEveryBadMemberAtOnce() {
        assertThatThrownBy(() -> ClientDetails.parse(null, "600", "a@b", "2026-03-30", "a\u0007b", PHONES, TODAY))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("fullName", "is required"),
                        new FieldError("phone", "not a valid number for ES"),
                        new FieldError("email", "is not a valid email address"),
                        new FieldError("notes", "must not contain control characters other than line breaks and tabs"),
                        new FieldError("birthDate", "must not be in the future")));
    }

    @Test
    void boundsNameAndNotes() {
        assertThat(ClientDetails.parse("n".repeat(200), null, null, null, "x".repeat(10_000), PHONES, TODAY).notes())
                .hasValueSatisfying(n -> assertThat(n).hasSize(10_000));
        assertThatThrownBy(() -> ClientDetails.parse("n".repeat(201), null, null, null, "x".repeat(10_001), PHONES,
                TODAY)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                .extracting(FieldError::field).containsExactly("fullName", "notes"));
        assertThatThrownBy(() -> ClientDetails.parse("Ana\u0000", null, null, null, null, PHONES, TODAY))
                .hasMessage("fullName: must not contain control characters");
    }

    @Test
    void aBirthDateIsFrom1900ToToday() {
        assertThat(ClientDetails.parse("Ana", null, null, "2026-03-29", null, PHONES, TODAY).birthDate())
                .contains(TODAY);
        assertThatThrownBy(() -> ClientDetails.parse("Ana", null, null, "1899-12-31", null, PHONES, TODAY))
                .hasMessage("birthDate: must not be before 1900-01-01");
        assertThatThrownBy(() -> new ClientDetails("Ana", Optional.empty(), Optional.empty(),
                Optional.of(LocalDate.of(1800, 1, 1)), Optional.empty())).hasMessageContaining("birthDate");
    }

    @Test
    void neverPrintsPersonalData() {
        ClientDetails details = ClientDetails.parse("Lucía", "+34600111222", null, null, "latex", PHONES, TODAY);
        // Fixed ids: a random one could hold the digits looked for.
        Client client = Client.create(new ClientId(UUID.fromString("01a21cca-8a83-71e9-aadb-a3880da4fde3")),
                new TenantId(UUID.fromString("01a21cca-8a82-71f9-9755-f244e18599ea")), details,
                Instant.parse("2026-03-29T08:00:00Z"));
        assertThat(details.toString() + client).doesNotContain("Lucía").doesNotContain("600111222")
                .doesNotContain("latex");
    }

    @Test
    void aRevisionGrowsTheVersionAndNeverGoesBackInTime() {
        Instant created = Instant.parse("2026-03-29T08:00:00Z");
        ClientDetails details = ClientDetails.parse("Ana", null, null, null, null, PHONES, TODAY);
        Client client = Client.create(new ClientId(UUID.randomUUID()), new TenantId(UUID.randomUUID()), details,
                created);
        assertThat(client.version()).isEqualTo(1);
        Client revised = client.revise(ClientDetails.parse("Ana B", null, null, null, null, PHONES, TODAY),
                created.plusSeconds(60));
        assertThat(revised.version()).isEqualTo(2);
        assertThat(revised.updatedAt()).isEqualTo(created.plusSeconds(60));
        assertThat(revised.createdAt()).isEqualTo(created);
        assertThat(revised.revise(details, created.minusSeconds(5)).updatedAt()).isEqualTo(created.plusSeconds(60));
    }
}
