package com.qleven.adapters.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import com.qleven.ports.billing.out.InvoiceDocument;
import com.qleven.ports.billing.out.InvoiceRenderer;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import java.util.Objects;

/**
 * Lays invoices and credit notes out on A4 with OpenPDF, in DejaVu Sans embedded in every PDF, so
 * accented Latin and Arabic names print as written on any reader; Arabic is shaped and drawn right to
 * left. Labels are English, French or Spanish by the document's locale, amounts use its separators.
 * The lines table runs over as many pages as it needs, repeating its header; each page's foot carries
 * the number and "page n / N". Rendering reads nothing but the fonts bundled in this jar (loaded once,
 * in the constructor) and writes nothing but the returned bytes. Thread-safe: one instance serves
 * every request.
 */
public final class OpenPdfInvoiceRenderer implements InvoiceRenderer {
    private static final float MARGIN = 40;
    private static final float FOOTER_SIZE = 7;

    private final Clock clock;
    private final Fonts fonts;

    /**
     * @param clock stamps each PDF's creation date (its metadata; the invoice's own date is printed
     *              from the document)
     */
    public OpenPdfInvoiceRenderer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fonts = Fonts.load();
    }

    @Override
    public byte[] pdf(InvoiceDocument invoice) {
        Objects.requireNonNull(invoice, "invoice");
        InvoiceLayout layout = new InvoiceLayout(invoice, fonts);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        // The bottom margin leaves room for the page footer.
        Document pdf = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN + 16);
        try {
            PdfWriter writer = PdfWriter.getInstance(pdf, out);
            writer.setPageEvent(new Footer(Fonts.printable(invoice.number(), fonts.regular()),
                    layout.labels().page(), fonts.regular()));
            String title = layout.labels().title(invoice.kind()) + " " + invoice.number();
            pdf.addTitle(title);
            pdf.addAuthor(invoice.seller().name());
            pdf.addCreator("Qleven");
            PdfDate now = new PdfDate(GregorianCalendar.from(clock.instant().atZone(ZoneOffset.UTC)));
            writer.getInfo().put(PdfName.CREATIONDATE, now);
            writer.getInfo().put(PdfName.MODDATE, now);
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(invoice.locale().toLanguageTag()));
            pdf.open();
            for (Element element : layout.elements()) {
                pdf.add(element);
            }
            pdf.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot lay invoice " + invoice.number() + " out", e);
        }
        return out.toByteArray();
    }

    /**
     * "F2027-000123 · Page 2 / 3" at the foot of each page. The page count is known only when the
     * document closes, so it is drawn into a template every page shows.
     */
    private static final class Footer extends PdfPageEventHelper {
        private final String number;
        private final String page;
        private final BaseFont font;
        private PdfTemplate pageCount;

        Footer(String number, String page, BaseFont font) {
            this.number = number;
            this.page = page;
            this.font = font;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            pageCount = writer.getDirectContent().createTemplate(40, FOOTER_SIZE + 3);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            String text = number + " · " + page + " " + writer.getPageNumber() + " / ";
            float width = font.getWidthPoint(text, FOOTER_SIZE);
            float x = document.right() - width - font.getWidthPoint("0000", FOOTER_SIZE);
            float y = document.bottom() - 20;
            PdfContentByte canvas = writer.getDirectContent();
            canvas.beginText();
            canvas.setFontAndSize(font, FOOTER_SIZE);
            canvas.setTextMatrix(x, y);
            canvas.showText(text);
            canvas.endText();
            canvas.addTemplate(pageCount, x + width, y);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            pageCount.beginText();
            pageCount.setFontAndSize(font, FOOTER_SIZE);
            pageCount.setTextMatrix(0, 0);
            // The writer has already moved past the last page.
            pageCount.showText(String.valueOf(writer.getPageNumber() - 1));
            pageCount.endText();
        }
    }
}
