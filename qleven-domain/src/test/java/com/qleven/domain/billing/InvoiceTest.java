package com.qleven.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvoiceTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant AT = Instant.parse("2027-03-02T10:00:00Z");
    private static final TaxRate GENERAL = new TaxRate("21", "IVA general", new BigDecimal("21"), false, null);
    private static final TaxRate EXEMPT = new TaxRate("exempt", "Exento", BigDecimal.ZERO, true, "Exenta (art. 20)");
    private static final InvoiceParty SELLER = new InvoiceParty("Clínica Sol", "Calle Mayor 1",
            List.of(new InvoiceParty.Identifier("NIF", "B12345678")));
    private static final InvoiceParty BUYER = new InvoiceParty("José Núñez", "Calle Luna 3", List.of());

    private static Invoice draft(List<ChargeLine> lines) {
        return Invoice.draft(new InvoiceId(UUID.fromString("018f0000-0000-7000-8000-000000000001")), InvoiceKind.FULL,
                new ClientId(UUID.fromString("018f0000-0000-7000-8000-000000000002")), PriceBasis.TAX_INCLUDED, EUR,
                lines, null, AT);
    }

    private static List<ChargeLine> lines() {
        return List.of(ChargeLine.of("Limpieza facial", Quantity.ONE, new Money(6000, EUR), GENERAL),
                ChargeLine.of("Consulta", Quantity.parse("0.5", "q"), new Money(5001, EUR), EXEMPT));
    }

    private static Invoice issued(List<ChargeLine> lines, InvoiceParty buyer, String previous) {
        return draft(lines).issue(new InvoiceNumber(InvoiceKind.FULL, 2027, 7), AT, SELLER, buyer, previous);
    }

    @Test
    void issuingChainsTheCanonicalTextToThePreviousHash() {
        Invoice invoice = issued(lines(), BUYER, InvoiceHash.GENESIS);
        Invoice.Issue issue = invoice.issue().orElseThrow();
        assertThat(issue.hash()).matches("[0-9a-f]{64}")
                .isEqualTo(InvoiceHash.of(InvoiceHash.GENESIS, invoice.canonicalText()));
        assertThat(invoice.canonicalText()).contains("number=F2027-000007", "buyer.name=José Núñez",
                "line=Limpieza facial|1|6000|21|21|false|0|4959|1041|6000", "gross=8501");
        // The same invoice hashes the same; any printed fact or the previous hash changes it.
        assertThat(issued(lines(), BUYER, InvoiceHash.GENESIS).issue().orElseThrow().hash()).isEqualTo(issue.hash());
        assertThat(issued(lines(), new InvoiceParty("José Nuñez", "Calle Luna 3", List.of()), InvoiceHash.GENESIS)
                .issue().orElseThrow().hash()).isNotEqualTo(issue.hash());
        assertThat(issued(List.of(lines().get(0)), BUYER, InvoiceHash.GENESIS).issue().orElseThrow().hash())
                .isNotEqualTo(issue.hash());
        assertThat(issued(lines(), BUYER, "1".repeat(64)).issue().orElseThrow().hash()).isNotEqualTo(issue.hash());
    }

    @Test
    void aSeparatorInsideATextCannotForgeAnotherLine() {
        Invoice split = issued(List.of(ChargeLine.of("A|1", Quantity.ONE, new Money(100, EUR), GENERAL)), BUYER,
                InvoiceHash.GENESIS);
        Invoice joined = issued(List.of(ChargeLine.of("A", Quantity.ONE, new Money(100, EUR), GENERAL)), BUYER,
                InvoiceHash.GENESIS);
        assertThat(split.canonicalText()).isNotEqualTo(joined.canonicalText());
        assertThat(split.canonicalText()).contains("A\\|1");
    }

    @Test
    void anIssuedInvoiceRefusesEveryChange() {
        Invoice invoice = issued(lines(), BUYER, InvoiceHash.GENESIS);
        ConflictException edit = catchThrowableOfType(ConflictException.class,
                () -> invoice.withLines(lines(), null, AT));
        assertThat(edit.details()).containsEntry("field", "status");
        assertThatThrownBy(() -> invoice.issue(new InvoiceNumber(InvoiceKind.FULL, 2027, 8), AT, SELLER, BUYER,
                InvoiceHash.GENESIS)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aFullCreditNoteHasExactlyTheInvoicesAmounts() {
        Invoice invoice = issued(lines(), BUYER, InvoiceHash.GENESIS);
        Invoice note = invoice.fullCreditNote(new InvoiceId(UUID.randomUUID()), " Error de precio ", AT);
        assertThat(note.kind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
        assertThat(note.amounts().byRate()).isEqualTo(invoice.amounts().byRate());
        assertThat(note.signedTotal().amountMinor()).isEqualTo(-invoice.signedTotal().amountMinor());
        assertThat(note.corrects().orElseThrow().reason()).isEqualTo("Error de precio");
        assertThat(note.corrects().orElseThrow().number()).isEqualTo(invoice.number().orElseThrow());
    }

    @Test
    void onlyAnIssuedInvoiceIsCreditedWithAReason() {
        assertThatThrownBy(() -> draft(lines()).fullCreditNote(new InvoiceId(UUID.randomUUID()), "x", AT))
                .isInstanceOf(ConflictException.class);
        Invoice invoice = issued(lines(), BUYER, InvoiceHash.GENESIS);
        ValidationException noReason = catchThrowableOfType(ValidationException.class,
                () -> invoice.fullCreditNote(new InvoiceId(UUID.randomUUID()), "  ", AT));
        assertThat(noReason.errors()).extracting(FieldError::field).containsExactly("reason");
        Invoice note = invoice.fullCreditNote(new InvoiceId(UUID.randomUUID()), "x", AT)
                .issue(new InvoiceNumber(InvoiceKind.CREDIT_NOTE, 2027, 1), AT, SELLER, BUYER, InvoiceHash.GENESIS);
        assertThatThrownBy(() -> note.fullCreditNote(new InvoiceId(UUID.randomUUID()), "x", AT))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aLineInAnotherCurrencyIsNamed() {
        ValidationException wrong = catchThrowableOfType(ValidationException.class, () -> draft(List.of(
                lines().get(0), ChargeLine.of("Crema", Quantity.ONE, new Money(100, Currency.getInstance("MAD")),
                        GENERAL))));
        assertThat(wrong.errors()).extracting(FieldError::field).containsExactly("lines[1].unitPrice.currency");
        assertThatThrownBy(() -> Invoice.draft(new InvoiceId(UUID.randomUUID()), InvoiceKind.CREDIT_NOTE,
                new ClientId(UUID.randomUUID()), PriceBasis.TAX_INCLUDED, EUR, lines(), null, AT))
                .isInstanceOf(ValidationException.class);
    }
}
