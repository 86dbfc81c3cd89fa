package com.qleven.domain.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A client's billing identity: stripped members, a name or an address, a plain tax id; errors named by path. */
class BillingIdentityTest {
    private static final ClientDetails WITHOUT = new ClientDetails("Lucía Fernández", Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());
    private static final ClientDetails WITH = new ClientDetails("Lucía Fernández", Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.of(BillingIdentity.parse("Estética Lucía SL", "Calle Mayor 1\n28013 Madrid", "B-12345678")));

    private static java.util.List<String> fields(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
        throw new AssertionError("no validation error");
    }

    @Test
    void membersAreStrippedAndABlankOneIsAbsent() {
        BillingIdentity identity = BillingIdentity.parse("  Estética Lucía SL ", " ", " ES B12345678 ");

        assertThat(identity.name()).contains("Estética Lucía SL");
        assertThat(identity.address()).isEmpty();
        assertThat(identity.taxId()).contains("ES B12345678");
        assertThat(identity.toString()).doesNotContain("Lucía");
    }

    @Test
    void anIdentityNeedsANameOrAnAddress() {
        assertThat(fields(() -> BillingIdentity.parse(null, "  ", "B12345678"))).containsExactly("billingIdentity");
        assertThat(BillingIdentity.parse(null, "Calle Mayor 1", null).address()).contains("Calle Mayor 1");
    }

    @Test
    void everyBadMemberIsNamedAtOnce() {
        assertThat(fields(() -> BillingIdentity.parse("x".repeat(201), "a\u0007b", "B1234;5678")))
                .containsExactly("billingIdentity.name", "billingIdentity.address", "billingIdentity.taxId");
        assertThat(fields(() -> BillingIdentity.parse("Ana", null, "1".repeat(33))))
                .containsExactly("billingIdentity.taxId");
        assertThat(fields(() -> BillingIdentity.parse("Ana\nMaría", null, null))).containsExactly("billingIdentity.name");
        assertThat(fields(() -> BillingIdentity.parse("Ana", null, "-123"))).containsExactly("billingIdentity.taxId");
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        BillingIdentity identity = BillingIdentity.parse("n".repeat(200), "a".repeat(499) + "\n", "AB-12.34/56 7" + "8".repeat(19));

        assertThat(identity.name().orElseThrow()).hasSize(200);
        assertThat(identity.address().orElseThrow()).hasSize(499);
        assertThat(identity.taxId().orElseThrow()).hasSize(32);
    }

    @Test
    void aClientsDetailsNameTheBillingMembersWithTheirOtherFields() {
        assertThat(fields(() -> ClientDetails.parse(" ", null, "not-an-email", null, null,
                new ClientDetails.BillingText(null, null, "X"), raw -> null, LocalDate.of(2026, 1, 1))))
                .containsExactly("fullName", "email", "billingIdentity");
    }

    @Test
    void aPatchMergesMembersIntoTheIdentity() {
        ClientDetails after = ClientPatch.parse(Map.of("billingIdentity.taxId", "B87654321"), raw -> null)
                .applyTo(WITH);

        BillingIdentity identity = after.billingIdentity().orElseThrow();
        assertThat(identity.name()).contains("Estética Lucía SL");
        assertThat(identity.address()).contains("Calle Mayor 1\n28013 Madrid");
        assertThat(identity.taxId()).contains("B87654321");
    }

    @Test
    void aNullOrBlankMemberClearsOnlyThatMember() {
        java.util.Map<String, String> patch = new java.util.HashMap<>();
        patch.put("billingIdentity.taxId", null);
        patch.put("billingIdentity.address", " ");

        BillingIdentity identity = ClientPatch.parse(patch, raw -> null).applyTo(WITH).billingIdentity().orElseThrow();

        assertThat(identity.name()).contains("Estética Lucía SL");
        assertThat(identity.address()).isEmpty();
        assertThat(identity.taxId()).isEmpty();
    }

    @Test
    void nullRemovesTheIdentityAndAnAbsentOneIsLeftAlone() {
        java.util.Map<String, String> remove = new java.util.HashMap<>();
        remove.put("billingIdentity", null);

        assertThat(ClientPatch.parse(remove, raw -> null).applyTo(WITH).billingIdentity()).isEmpty();
        assertThat(ClientPatch.parse(Map.of("notes", "x"), raw -> null).applyTo(WITH).billingIdentity())
                .isEqualTo(WITH.billingIdentity());
    }

    @Test
    void aMergeIntoNoIdentityStartsFromAnEmptyOneAndMustLeaveANameOrAnAddress() {
        assertThat(ClientPatch.parse(Map.of("billingIdentity.address", "Rue 5, Rabat"), raw -> null).applyTo(WITHOUT)
                .billingIdentity().orElseThrow().address()).contains("Rue 5, Rabat");
        ClientPatch onlyTaxId = ClientPatch.parse(Map.of("billingIdentity.taxId", "B1"), raw -> null);
        assertThat(fields(() -> onlyTaxId.applyTo(WITHOUT))).containsExactly("billingIdentity");
        java.util.Map<String, String> clearBoth = new java.util.HashMap<>();
        clearBoth.put("billingIdentity.name", null);
        clearBoth.put("billingIdentity.address", null);
        ClientPatch emptied = ClientPatch.parse(clearBoth, raw -> null);
        assertThat(fields(() -> emptied.applyTo(WITH))).containsExactly("billingIdentity");
    }

    @Test
    void aPatchNamesBadBillingMembersAndRefusesAValueForTheObjectItself() {
        assertThat(fields(() -> ClientPatch.parse(Map.of("billingIdentity.taxId", "B 1;2",
                "billingIdentity.vat", "x"), raw -> null)))
                .containsExactlyInAnyOrder("billingIdentity.vat", "billingIdentity.taxId");
        assertThat(fields(() -> ClientPatch.parse(Map.of("billingIdentity", "Estética SL"), raw -> null)))
                .containsExactly("billingIdentity");
        java.util.Map<String, String> both = new java.util.HashMap<>();
        both.put("billingIdentity", null);
        both.put("billingIdentity.name", "x");
        assertThat(fields(() -> ClientPatch.parse(both, raw -> null))).containsExactly("billingIdentity");
    }

    @Test
    void aPatchThatLeavesTheIdentityAsItIsIsNoChange() {
        assertThat(ClientPatch.parse(Map.of("billingIdentity.name", " Estética Lucía SL "), raw -> null)
                .applyTo(WITH)).isEqualTo(WITH);
        assertThatThrownBy(() -> new BillingIdentityPatch(true, FieldChange.replacedBy("x"), FieldChange.unchanged(),
                FieldChange.unchanged())).isInstanceOf(ValidationException.class);
    }
}
