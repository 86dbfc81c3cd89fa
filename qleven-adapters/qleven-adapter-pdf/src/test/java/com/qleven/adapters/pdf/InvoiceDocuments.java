package com.qleven.adapters.pdf;

import com.qleven.domain.billing.InvoiceKind;
import com.qleven.domain.billing.Money;
import com.qleven.ports.billing.out.InvoiceDocument;
import com.qleven.ports.billing.out.InvoiceDocument.Identifier;
import com.qleven.ports.billing.out.InvoiceDocument.Line;
import com.qleven.ports.billing.out.InvoiceDocument.Party;
import com.qleven.ports.billing.out.InvoiceDocument.RateTotal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Documents to render, built like the invoice core fills them: a Spanish center's full invoice with
 * one taxed and one exempt line, whose amounts add up; each {@code with…} changes one thing.
 */
final class InvoiceDocuments {
    static final Currency EUR = Currency.getInstance("EUR");
    static final String HASH = "9f2c4e1a7b3d5f60812a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d";
    static final String EXEMPT_MENTION = "Exento de IVA según el artículo 20.Uno.3.º de la Ley 37/1992";

    private String number = "F2027-000123";
    private InvoiceKind kind = InvoiceKind.FULL;
    private Party seller = new Party("Clínica Sol S.L.", "Calle Mayor 1\n28013 Madrid",
            List.of(new Identifier("NIF", "B12345678")));
    private Party buyer = new Party("José Núñez", "Avenida de la Peña 7, 3.º B\n41001 Sevilla",
            List.of(new Identifier("NIF", "12345678Z")));
    private List<Line> lines = List.of(
            new Line("Limpieza facial", "1", eur(5000), eur(0), "21 %", eur(5000), eur(1050), eur(6050)),
            new Line("Consulta médica", "0.5", eur(8000), eur(0), "Exento", eur(4000), eur(0), eur(4000)));
    private List<RateTotal> byRate = List.of(
            new RateTotal("21 %", eur(5000), eur(1050), eur(6050), Optional.empty()),
            new RateTotal("Exento", eur(4000), eur(0), eur(4000), Optional.of(EXEMPT_MENTION)));
    private Money net = eur(9000);
    private Money tax = eur(1050);
    private Money total = eur(10050);
    private Money paid = eur(5000);
    private Money balance = eur(5050);
    private boolean pricesIncludeTax;
    private Optional<String> corrects = Optional.empty();
    private Optional<String> reason = Optional.empty();
    private Locale locale = Locale.forLanguageTag("es-ES");

    static InvoiceDocuments anInvoice() {
        return new InvoiceDocuments();
    }

    static Money eur(long minor) {
        return new Money(minor, EUR);
    }

    /** A credit note that refunds the first line of F2027-000123 in full. */
    InvoiceDocuments asCreditNote(String corrected, String why) {
        number = "R2027-000007";
        kind = InvoiceKind.CREDIT_NOTE;
        corrects = Optional.of(corrected);
        reason = Optional.of(why);
        lines = List.of(new Line("Limpieza facial", "-1", eur(5000), eur(0), "21 %", eur(-5000), eur(-1050),
                eur(-6050)));
        byRate = List.of(new RateTotal("21 %", eur(-5000), eur(-1050), eur(-6050), Optional.empty()));
        net = eur(-5000);
        tax = eur(-1050);
        total = eur(-6050);
        paid = eur(-6050);
        balance = eur(0);
        return this;
    }

    InvoiceDocuments number(String value) {
        number = value;
        return this;
    }

    InvoiceDocuments kind(InvoiceKind value) {
        kind = value;
        return this;
    }

    InvoiceDocuments seller(Party value) {
        seller = value;
        return this;
    }

    InvoiceDocuments buyer(Party value) {
        buyer = value;
        return this;
    }

    InvoiceDocuments locale(Locale value) {
        locale = value;
        return this;
    }

    InvoiceDocuments pricesIncludeTax(boolean value) {
        pricesIncludeTax = value;
        return this;
    }

    /** {@code count} lines of 10.00 EUR at 21 %, described "Sesión 01", "Sesión 02", …; totals to match. */
    InvoiceDocuments sessions(int count) {
        List<Line> many = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            many.add(new Line(String.format("Sesión %02d de fotodepilación", i), "1", eur(1000), eur(0), "21 %",
                    eur(1000), eur(210), eur(1210)));
        }
        lines = many;
        byRate = List.of(new RateTotal("21 %", eur(1000L * count), eur(210L * count), eur(1210L * count),
                Optional.empty()));
        net = eur(1000L * count);
        tax = eur(210L * count);
        total = eur(1210L * count);
        paid = eur(0);
        balance = total;
        return this;
    }

    InvoiceDocument build() {
        return new InvoiceDocument(number, kind, LocalDate.of(2027, 3, 14), seller, buyer, lines, byRate, net, tax,
                total, paid, balance, pricesIncludeTax, corrects, reason, HASH, locale);
    }
}
