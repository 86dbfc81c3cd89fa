package com.qleven.adapters.pdf;

import static com.qleven.adapters.pdf.InvoiceDocuments.anInvoice;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.adapters.pdf.ReadBack.Glyph;
import com.qleven.domain.billing.InvoiceKind;
import com.qleven.ports.billing.out.InvoiceDocument;
import com.qleven.ports.billing.out.InvoiceDocument.Identifier;
import com.qleven.ports.billing.out.InvoiceDocument.Party;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What an invoice's PDF shows, read back with PDFBox (not the library that wrote it): the texts a tax
 * office and a client look for, in the document's language, in a font embedded in the file.
 */
class OpenPdfInvoiceRendererTest {
    private static final Instant NOW = Instant.parse("2027-03-14T10:15:30Z");
    private static final OpenPdfInvoiceRenderer RENDERER =
            new OpenPdfInvoiceRenderer(Clock.fixed(NOW, ZoneOffset.UTC));
    private static final String FATIMA = "فاطمة الزهراء";

    private static ReadBack render(InvoiceDocument document) {
        byte[] pdf = RENDERER.pdf(document);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        return ReadBack.of(pdf);
    }

    @Test
    void aSpanishInvoicePrintsItsPartiesLinesTaxBreakdownAndTotals() {
        ReadBack pdf = render(anInvoice().build());

        assertThat(pdf.lines()).contains("Factura", "Número: F2027-000123", "Fecha de expedición: 14 de marzo de 2027",
                "Emisor", "Clínica Sol S.L.", "Calle Mayor 1", "28013 Madrid", "NIF: B12345678",
                "Cliente", "José Núñez", "Avenida de la Peña 7, 3.º B", "41001 Sevilla", "NIF: 12345678Z",
                "Importes en EUR",
                "Limpieza facial 1 50,00 0,00 21 % 50,00 10,50 60,50",
                "Consulta médica 0,5 80,00 0,00 Exento 40,00 0,00 40,00",
                "Desglose de impuestos",
                "21 % 50,00 EUR 10,50 EUR 60,50 EUR",
                "Exento 40,00 EUR 0,00 EUR 40,00 EUR",
                InvoiceDocuments.EXEMPT_MENTION,
                "Base imponible 90,00 EUR", "Total impuestos 10,50 EUR", "Total 100,50 EUR", "Pagado 50,00 EUR",
                "Pendiente 50,50 EUR", "Precios sin impuestos",
                "Huella encadenada: " + InvoiceDocuments.HASH,
                "F2027-000123 · Página 1 / 1");
        // The legal mention sits right under its exempt rate's row.
        assertThat(pdf.lines().indexOf(InvoiceDocuments.EXEMPT_MENTION))
                .isEqualTo(pdf.lines().indexOf("Exento 40,00 EUR 0,00 EUR 40,00 EUR") + 1);
        assertThat(pdf.text()).doesNotContain("Rectifica", "\uFFFD");
    }

    @Test
    void aFrenchCreditNotePrintsTheInvoiceItCorrectsAndWhy() {
        ReadBack pdf = render(anInvoice().locale(Locale.FRANCE)
                .asCreditNote("F2027-000123", "Soin annulé, acompte remboursé").build());

        assertThat(pdf.lines()).contains("Avoir", "Numéro: R2027-000007", "Date d'émission: 14 mars 2027",
                "Rectifie la facture: F2027-000123", "Motif: Soin annulé, acompte remboursé",
                "Vendeur", "Client", "Désignation Qté Prix unitaire Remise Taux HT TVA TTC",
                "Montants en EUR", "Limpieza facial -1 50,00 0,00 21 % -50,00 -10,50 -60,50",
                "Total HT -50,00 EUR", "Total TVA -10,50 EUR", "Total TTC -60,50 EUR", "Payé -60,50 EUR",
                "Reste à payer 0,00 EUR", "Prix indiqués HT", "R2027-000007 · Page 1 / 1");
    }

    @Test
    void otherLanguagesGetEnglishLabelsWithTheLocalesSeparatorsInLatinDigits() {
        ReadBack pdf = render(anInvoice().locale(Locale.forLanguageTag("ar-MA"))
                .kind(InvoiceKind.SIMPLIFIED).number("S2027-000042").pricesIncludeTax(true).build());

        // Moroccan Arabic writes 50,50 with Latin digits; the words fall back to English.
        assertThat(pdf.lines()).contains("Simplified invoice", "Number: S2027-000042", "Issue date: March 14, 2027",
                "Seller", "Customer", "Description Qty Unit price Discount Rate Net Tax Total", "Tax breakdown",
                "Net total 90,00 EUR", "Balance due 50,50 EUR", "Prices include tax",
                "Chain hash: " + InvoiceDocuments.HASH);
        assertThat(pdf.text()).doesNotContainPattern(Pattern.compile("[\\u0660-\\u0669\\u06F0-\\u06F9]"));
    }

    @Test
    void anEnglishInvoiceUsesEnglishSeparatorsAndItsRegionsDateOrder() {
        ReadBack pdf = render(anInvoice().locale(Locale.US).build());

        assertThat(pdf.lines()).contains("Invoice", "Issue date: March 14, 2027", "Total 100.50 EUR",
                "Consulta médica 0.5 80.00 0.00 Exento 40.00 0.00 40.00");
        assertThat(render(anInvoice().locale(Locale.UK).build()).lines()).contains("Issue date: 14 March 2027");
    }

    /**
     * Every font is DejaVu Sans, a Type 0 font whose TrueType program (FontFile2) is in the file, so
     * no reader substitutes a font of its own and drops the accents or the Arabic.
     */
    @Test
    void everyFontIsDejaVuSansEmbeddedInTheFile() {
        ReadBack pdf = render(anInvoice().buyer(new Party(FATIMA, "", List.of())).build());

        assertThat(pdf.fonts()).isNotEmpty().allSatisfy(font -> {
            assertThat(font.name()).matches("[A-Z]{6}\\+DejaVuSans(-Bold)?");
            assertThat(font.type0()).as("Type 0 (Identity-H): %s", font.name()).isTrue();
            assertThat(font.fontFile2()).as("FontFile2 embedded: %s", font.name()).isTrue();
        });
        assertThat(pdf.fonts()).extracting(font -> font.name().substring(7)).contains("DejaVuSans", "DejaVuSans-Bold");
        assertThat(pdf.glyphs()).isNotEmpty()
                .allSatisfy(glyph -> assertThat(glyph.font()).matches("[A-Z]{6}\\+DejaVuSans(-Bold)?"));
    }

    /**
     * The Arabic name is shaped (each letter drawn in its joining form: the glyphs are Arabic
     * presentation forms, not the bare letters) and drawn right to left: its first letter, FEH, is its
     * rightmost glyph. A reader's copy (PDFBox's reordering and NFKC of the forms) gives the name back.
     */
    @Test
    void anArabicNameIsShapedAndDrawnRightToLeftInTheEmbeddedFont() {
        ReadBack pdf = render(anInvoice().buyer(new Party(FATIMA, "12 شارع محمد الخامس\nCasablanca 20000",
                List.of(new Identifier("ICE", "001234567000089")))).locale(Locale.forLanguageTag("fr-MA")).build());

        assertThat(pdf.lines()).contains(FATIMA, "12 شارع محمد الخامس", "Casablanca 20000", "ICE: 001234567000089");
        List<Glyph> name = pdf.glyphs().stream()
                .filter(glyph -> glyph.unicode().codePoints().allMatch(c -> c >= 0xFE70 && c <= 0xFEFF))
                .filter(glyph -> glyph.font().endsWith("DejaVuSans-Bold"))
                .toList();
        // Bold: the buyer's name is the only bold Arabic on the page. Thirteen code points, one a space.
        assertThat(name).hasSize(12);
        assertThat(pdf.glyphs()).noneMatch(glyph -> glyph.unicode().codePoints().anyMatch(c -> c >= 0x0621 && c <= 0x064A));
        String visual = name.stream().sorted(java.util.Comparator.comparingDouble(Glyph::x))
                .map(Glyph::unicode).reduce("", String::concat);
        String logical = new StringBuilder(visual).reverse().toString();
        assertThat(Normalizer.normalize(logical, Normalizer.Form.NFKC)).isEqualTo(FATIMA.replace(" ", ""));
        // FEH in its initial form (U+FED3) is drawn at the right, HAMZA alone (U+FE80) at the left.
        assertThat(name.stream().max(java.util.Comparator.comparingDouble(Glyph::x)).orElseThrow().unicode())
                .isEqualTo("\uFED3");
        Glyph leftmost = name.stream().min(java.util.Comparator.comparingDouble(Glyph::x)).orElseThrow();
        assertThat(leftmost.unicode()).isEqualTo("\uFE80");
        // Right-to-left, yet flush with the block's left edge like the Latin lines under it.
        assertThat(leftmost.x()).isCloseTo(leftOf(pdf, "Casablanca 20000"), org.assertj.core.data.Offset.offset(1f));
    }

    /** Where the first glyph of the first run of glyphs spelling {@code text} is drawn. */
    private static float leftOf(ReadBack pdf, String text) {
        List<Glyph> glyphs = pdf.glyphs();
        for (int start = 0; start < glyphs.size(); start++) {
            StringBuilder spelt = new StringBuilder();
            for (int i = start; i < glyphs.size() && spelt.length() < text.length(); i++) {
                spelt.append(glyphs.get(i).unicode());
            }
            if (spelt.toString().equals(text)) {
                return glyphs.get(start).x();
            }
        }
        throw new AssertionError("no glyphs spell " + text);
    }

    @Test
    void sixtyLinesRunOverPagesWithoutLosingOneAndRepeatTheirHeader() {
        ReadBack pdf = render(anInvoice().locale(Locale.UK).sessions(60).build());

        assertThat(pdf.pages()).isGreaterThanOrEqualTo(2);
        for (int i = 1; i <= 60; i++) {
            String line = String.format("Sesión %02d de fotodepilación 1 10.00 0.00 21 %% 10.00 2.10 12.10", i);
            assertThat(pdf.lines()).as("line %d", i).containsOnlyOnce(line);
        }
        for (int page = 1; page <= pdf.pages(); page++) {
            assertThat(pdf.pageTexts().get(page - 1)).as("page %d", page)
                    .contains("Amounts in EUR\nDescription Qty Unit price Discount Rate Net Tax Total")
                    .contains("F2027-000123 · Page " + page + " / " + pdf.pages());
        }
        assertThat(pdf.pageTexts().get(pdf.pages() - 1)).contains("Total 726.00 EUR", "Balance due 726.00 EUR");
    }

    @Test
    void aCharacterTheFontCannotDrawPrintsAsAReplacementMarkNotAsNothing() {
        ReadBack pdf = render(anInvoice().buyer(new Party("王芳 Wang", "", List.of())).build());

        assertThat(pdf.lines()).contains("\uFFFD\uFFFD Wang");
    }

    @Test
    void theMetadataNamesTheInvoiceItsLanguageAndTheClocksTime() {
        ReadBack pdf = render(anInvoice().build());

        assertThat(pdf.title()).isEqualTo("Factura F2027-000123");
        assertThat(pdf.language()).isEqualTo("es-ES");
        assertThat(pdf.created()).isEqualTo(NOW);
    }

    /** One renderer serves every request at once: the shared fonts keep no per-document state. */
    @Test
    void renderingsAtTheSameTimeEachPrintTheirOwnInvoice() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ReadBack>> renderings = new ArrayList<>();
            IntStream.range(0, 12).forEach(i -> renderings.add(pool.submit(() -> render(anInvoice()
                    .number(String.format("F2027-%06d", i))
                    .buyer(new Party(i % 2 == 0 ? "Cliente " + i + " Núñez" : FATIMA + " " + i, "", List.of()))
                    .sessions(5 + i).build()))));
            for (int i = 0; i < renderings.size(); i++) {
                ReadBack pdf = renderings.get(i).get();
                assertThat(pdf.text()).contains(String.format("Número: F2027-%06d", i))
                        .contains(i % 2 == 0 ? "Cliente " + i + " Núñez" : FATIMA + " " + i)
                        .contains(String.format("Sesión %02d de fotodepilación", 5 + i))
                        .doesNotContain(String.format("Sesión %02d de fotodepilación", 6 + i));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
