package com.qleven.domain.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.ValidationException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** RFC 7396 on a client: absent members stay, null clears, a value replaces; the name is never cleared. */
class ClientPatchTest {
    /** Accepts international numbers only, as the tests need no more. */
    private static final Function<String, PhoneNumber> PHONES = raw -> {
        String compact = raw.replace(" ", "");
        if (!compact.matches("^\\+[1-9][0-9]{6,14}$")) {
            throw new ValidationException("phone", "not a valid number for ES");
        }
        return new PhoneNumber(compact);
    };

    private static final ClientDetails CURRENT = new ClientDetails("Lucía Fernández",
            Optional.of(new PhoneNumber("+34600111222")), Optional.of(new EmailAddress("lucia@example.com")),
            Optional.of(LocalDate.of(1990, 4, 12)), Optional.of("Allergic to latex"));

    private static Map<String, String> patch(String... memberThenValue) {
        Map<String, String> patch = new LinkedHashMap<>();
        for (int i = 0; i < memberThenValue.length; i += 2) {
            patch.put(memberThenValue[i], memberThenValue[i + 1]);
        }
        return patch;
    }

    @Test
    void anEmptyPatchChangesNothing() {
        assertThat(ClientPatch.parse(Map.of(), PHONES).applyTo(CURRENT)).isEqualTo(CURRENT);
        assertThat(ClientPatch.empty().applyTo(CURRENT)).isEqualTo(CURRENT);
        assertThat(ClientPatch.empty().touchesNotes()).isFalse();
    }

    @Test
    void aValueReplacesOnlyItsMember() {
        ClientDetails after = ClientPatch.parse(patch("email", " Lucia.F@Example.COM ", "phone", "+34 611 222 333"),
                PHONES).applyTo(CURRENT);
        assertThat(after.email()).contains(new EmailAddress("lucia.f@example.com"));
        assertThat(after.phone()).contains(new PhoneNumber("+34611222333"));
        assertThat(after.fullName()).isEqualTo(CURRENT.fullName());
        assertThat(after.birthDate()).isEqualTo(CURRENT.birthDate());
        assertThat(after.notes()).isEqualTo(CURRENT.notes());
    }

    @Test
    void nullClearsAMember() {
        Map<String, String> clearing = new HashMap<>();
        clearing.put("phone", null);
        clearing.put("email", null);
        clearing.put("birthDate", null);
        clearing.put("notes", null);
        ClientPatch patch = ClientPatch.parse(clearing, PHONES);
        ClientDetails after = patch.applyTo(CURRENT);
        assertThat(after.phone()).isEmpty();
        assertThat(after.email()).isEmpty();
        assertThat(after.birthDate()).isEmpty();
        assertThat(after.notes()).isEmpty();
        assertThat(after.fullName()).isEqualTo("Lucía Fernández");
        assertThat(patch.touchesNotes()).isTrue();
    }

    @Test
    void blankNotesClearThem() {
        ClientPatch patch = ClientPatch.parse(patch("notes", "   "), PHONES);
        assertThat(patch.applyTo(CURRENT).notes()).isEmpty();
        assertThat(patch.touchesNotes()).isTrue();
    }

    @Test
    void theFullNameCanBeReplacedButNeverCleared() {
        assertThat(ClientPatch.parse(patch("fullName", "  Lucía Fernández Ruiz "), PHONES).applyTo(CURRENT).fullName())
                .isEqualTo("Lucía Fernández Ruiz");
        Map<String, String> clearing = new HashMap<>();
        clearing.put("fullName", null);
        assertThatThrownBy(() -> ClientPatch.parse(clearing, PHONES))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("fullName", "cannot be cleared")));
        assertThatThrownBy(() -> new ClientPatch(FieldChange.cleared(), FieldChange.unchanged(),
                FieldChange.unchanged(), FieldChange.unchanged(), FieldChange.unchanged()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("fullName");
    }

    @Test
    void everyBadMemberIsNamedAtOnce() {
        Map<String, String> bad = patch("fullName", " ", "phone", "600", "email", "not-an-email",
                "birthDate", "12/04/1990", "notes", "x".repeat(10_001), "vip", "yes", "colour", "red");
        assertThatThrownBy(() -> ClientPatch.parse(bad, PHONES))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("colour", "vip", "fullName", "phone", "email", "birthDate", "notes"));
    }

    @Test
    void theBirthDateIsAPlainDateFrom1900() {
        assertThat(ClientPatch.parse(patch("birthDate", "1900-01-01"), PHONES).applyTo(CURRENT).birthDate())
                .contains(LocalDate.of(1900, 1, 1));
        for (String bad : new String[] {"1899-12-31", "1990-02-30", "1990-4-12", "+1990-04-12", "19900412",
                "1990-04-12T00:00:00Z", "'; DROP TABLE clients; --"}) {
            assertThatThrownBy(() -> ClientPatch.parse(patch("birthDate", bad), PHONES)).as(bad)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("birthDate"));
        }
    }

    @Test
    void patchedDetailsAreCheckedAgainstTheCentersDate() {
        ClientDetails after = ClientPatch.parse(patch("birthDate", "2026-06-02"), PHONES).applyTo(CURRENT);
        assertThat(after.checkedOn(LocalDate.of(2026, 6, 2))).isSameAs(after);
        assertThatThrownBy(() -> after.checkedOn(LocalDate.of(2026, 6, 1)))
                .isInstanceOf(ValidationException.class).hasMessage("birthDate: must not be in the future");
    }

    @Test
    void onlyAPatchThatSetsOrClearsNotesTouchesThem() {
        assertThat(ClientPatch.parse(patch("fullName", "Lucía F"), PHONES).touchesNotes()).isFalse();
        assertThat(ClientPatch.parse(patch("notes", "Prefers mornings"), PHONES).touchesNotes()).isTrue();
    }
}
