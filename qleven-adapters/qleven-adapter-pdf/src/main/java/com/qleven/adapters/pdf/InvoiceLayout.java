package com.qleven.adapters.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.qleven.ports.billing.out.InvoiceDocument;
import com.qleven.ports.billing.out.InvoiceDocument.Line;
import com.qleven.ports.billing.out.InvoiceDocument.Party;
import com.qleven.ports.billing.out.InvoiceDocument.RateTotal;
import java.awt.Color;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * One invoice laid out as OpenPDF elements, top to bottom: the seller and the title block, the
 * buyer, the lines, the tax breakdown, the totals, whether prices include tax, and the chain hash.
 * Every text sits in a table cell, because only cells (and ColumnText) apply the bidirectional
 * algorithm and Arabic shaping; a cell's direction follows its text's first strong character.
 */
final class InvoiceLayout {
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);
    private static final Color RULE = new Color(0xBB, 0xBB, 0xBB);
    private static final Color HEADER_FILL = new Color(0xEE, 0xEE, 0xEE);
    /** The lines table's columns: description, quantity, unit price, discount, rate, net, tax, total. */
    private static final float[] LINE_COLUMNS = {22, 6, 12, 11, 8, 13, 12, 14};

    private final InvoiceDocument document;
    private final Fonts fonts;
    private final Labels labels;
    private final Amounts amounts;
    private final Font title;
    private final Font heading;
    private final Font name;
    private final Font text;
    private final Font cellText;
    private final Font cellBold;
    private final Font small;

    InvoiceLayout(InvoiceDocument document, Fonts fonts) {
        this.document = document;
        this.fonts = fonts;
        this.labels = Labels.of(document.locale());
        this.amounts = new Amounts(document.locale());
        this.title = new Font(fonts.bold(), 16);
        this.heading = new Font(fonts.bold(), 7.5f, Font.NORMAL, MUTED);
        this.name = new Font(fonts.bold(), 10);
        this.text = new Font(fonts.regular(), 9);
        this.cellText = new Font(fonts.regular(), 7.5f);
        this.cellBold = new Font(fonts.bold(), 7.5f);
        this.small = new Font(fonts.regular(), 6.5f, Font.NORMAL, MUTED);
    }

    Labels labels() {
        return labels;
    }

    /** The elements to add to the document, in print order. */
    List<Element> elements() {
        List<Element> elements = new ArrayList<>();
        elements.add(header());
        elements.add(buyer());
        elements.add(lines());
        elements.add(breakdown());
        elements.add(totals());
        elements.add(footnotes());
        return elements;
    }

    private PdfPTable header() {
        PdfPTable header = table(new float[]{55, 45});
        header.addCell(nested(party(labels.seller(), document.seller())));
        PdfPTable heading = table(new float[]{1});
        heading.addCell(cell(labels.title(document.kind()), title, Element.ALIGN_RIGHT));
        heading.addCell(cell(labels.number() + ": " + document.number(), name, Element.ALIGN_RIGHT));
        heading.addCell(cell(labels.issueDate() + ": " + DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Labels.dateLocale(document.locale())).format(document.issueDate()), text,
                Element.ALIGN_RIGHT));
        document.corrects().ifPresent(number ->
                heading.addCell(cell(labels.corrects() + ": " + number, text, Element.ALIGN_RIGHT)));
        document.reason().ifPresent(reason ->
                heading.addCell(cell(labels.reason() + ": " + reason, text, Element.ALIGN_RIGHT)));
        header.addCell(nested(heading));
        header.setSpacingAfter(14);
        return header;
    }

    private PdfPTable buyer() {
        PdfPTable buyer = table(new float[]{55, 45});
        buyer.addCell(nested(party(labels.buyer(), document.buyer())));
        buyer.addCell(cell("", text, Element.ALIGN_LEFT));
        buyer.setSpacingAfter(14);
        return buyer;
    }

    /** A party's heading, name, address lines and identifiers, each in a cell of its own direction. */
    private PdfPTable party(String label, Party party) {
        PdfPTable block = table(new float[]{1});
        block.addCell(cell(label, heading, Element.ALIGN_LEFT));
        block.addCell(cell(party.name(), name, Element.ALIGN_LEFT));
        party.address().lines().filter(line -> !line.isBlank())
                .forEach(line -> block.addCell(cell(line.strip(), text, Element.ALIGN_LEFT)));
        party.identifiers().forEach(id -> block.addCell(cell(id.label() + ": " + id.value(), text, Element.ALIGN_LEFT)));
        return block;
    }

    private PdfPTable lines() {
        PdfPTable lines = table(LINE_COLUMNS);
        // The currency once, above the columns: amounts alone keep the columns narrow enough for eight
        // columns on A4.
        PdfPCell currency = cell(labels.amountsIn() + " " + document.total().currency().getCurrencyCode(), small,
                Element.ALIGN_RIGHT);
        currency.setColspan(LINE_COLUMNS.length);
        lines.addCell(currency);
        for (String label : List.of(labels.description(), labels.quantity(), labels.unitPrice(), labels.discount(),
                labels.rate(), labels.net(), labels.tax(), labels.total())) {
            PdfPCell cell = cell(label, cellBold, label.equals(labels.description()) ? Element.ALIGN_LEFT
                    : Element.ALIGN_RIGHT);
            cell.setBackgroundColor(HEADER_FILL);
            lines.addCell(ruled(cell));
        }
        // Repeated on every page the lines run onto.
        lines.setHeaderRows(2);
        for (Line line : document.lines()) {
            lines.addCell(ruled(cell(line.description(), cellText, Element.ALIGN_LEFT)));
            lines.addCell(ruled(number(amounts.quantity(line.quantity()), cellText)));
            lines.addCell(ruled(number(amounts.amount(line.unitPrice()), cellText)));
            lines.addCell(ruled(number(amounts.amount(line.discount()), cellText)));
            lines.addCell(ruled(cell(line.rate(), cellText, Element.ALIGN_RIGHT)));
            lines.addCell(ruled(number(amounts.amount(line.net()), cellText)));
            lines.addCell(ruled(number(amounts.amount(line.tax()), cellText)));
            lines.addCell(ruled(number(amounts.amount(line.total()), cellText)));
        }
        lines.setSpacingAfter(12);
        return lines;
    }

    /** One row per rate; an exempt rate's legal mention on its own row right under it. */
    private PdfPTable breakdown() {
        PdfPTable breakdown = table(new float[]{22, 26, 26, 26});
        breakdown.setWidthPercentage(65);
        breakdown.setHorizontalAlignment(Element.ALIGN_LEFT);
        PdfPCell caption = cell(labels.taxBreakdown(), cellBold, Element.ALIGN_LEFT);
        caption.setColspan(4);
        breakdown.addCell(caption);
        for (String label : List.of(labels.rate(), labels.net(), labels.tax(), labels.total())) {
            PdfPCell cell = cell(label, cellBold, label.equals(labels.rate()) ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            cell.setBackgroundColor(HEADER_FILL);
            breakdown.addCell(ruled(cell));
        }
        breakdown.setHeaderRows(2);
        for (RateTotal rate : document.byRate()) {
            breakdown.addCell(ruled(cell(rate.rate(), cellText, Element.ALIGN_LEFT)));
            breakdown.addCell(ruled(number(amounts.money(rate.net()), cellText)));
            breakdown.addCell(ruled(number(amounts.money(rate.tax()), cellText)));
            breakdown.addCell(ruled(number(amounts.money(rate.total()), cellText)));
            rate.legalMention().ifPresent(mention -> {
                PdfPCell cell = ruled(cell(mention, cellText, Element.ALIGN_LEFT));
                cell.setColspan(4);
                breakdown.addCell(cell);
            });
        }
        breakdown.setKeepTogether(true);
        breakdown.setSpacingAfter(12);
        return breakdown;
    }

    private PdfPTable totals() {
        PdfPTable totals = table(new float[]{55, 45});
        totals.setWidthPercentage(50);
        totals.setHorizontalAlignment(Element.ALIGN_RIGHT);
        total(totals, labels.netTotal(), amounts.money(document.net()), text);
        total(totals, labels.taxTotal(), amounts.money(document.tax()), text);
        total(totals, labels.grandTotal(), amounts.money(document.total()), name);
        total(totals, labels.paid(), amounts.money(document.paid()), text);
        total(totals, labels.balance(), amounts.money(document.balance()), name);
        totals.setKeepTogether(true);
        totals.setSpacingAfter(12);
        return totals;
    }

    private void total(PdfPTable totals, String label, String amount, Font font) {
        totals.addCell(ruled(cell(label, font, Element.ALIGN_LEFT)));
        totals.addCell(ruled(number(amount, font)));
    }

    private PdfPTable footnotes() {
        PdfPTable notes = table(new float[]{1});
        notes.addCell(cell(document.pricesIncludeTax() ? labels.pricesIncludeTax() : labels.pricesExcludeTax(),
                text, Element.ALIGN_LEFT));
        PdfPCell hash = cell(labels.chainHash() + ": " + document.hash(), small, Element.ALIGN_LEFT);
        hash.setPaddingTop(6);
        notes.addCell(hash);
        notes.setKeepTogether(true);
        return notes;
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        return table;
    }

    private static PdfPCell nested(PdfPTable table) {
        PdfPCell cell = new PdfPCell(table);
        cell.setBorder(PdfPCell.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    /** A thin rule under the cell: the tables read as rows without a grid. */
    private static PdfPCell ruled(PdfPCell cell) {
        cell.setBorder(PdfPCell.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        cell.setPaddingTop(3);
        cell.setPaddingBottom(4);
        return cell;
    }

    /**
     * An amount or a quantity: right-aligned, never reordered, and on one line, since a number broken
     * after its sign or inside its digits reads as two numbers.
     */
    private PdfPCell number(String value, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(Fonts.printable(value, font.getBaseFont()), font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        cell.setNoWrap(true);
        cell.setBorder(PdfPCell.NO_BORDER);
        cell.setPadding(2);
        return cell;
    }

    /**
     * Text in the direction its first strong character gives (Unicode's rule for a paragraph), so an
     * Arabic name is shaped and drawn right to left and a Latin one with an Arabic word inside keeps
     * its order. {@code alignment} is where the text sits on the page: OpenPDF mirrors alignments in a
     * right-to-left cell, so it is mirrored back and a block keeps one edge whatever its script.
     */
    private PdfPCell cell(String value, Font font, int alignment) {
        BaseFont base = font.getBaseFont();
        PdfPCell cell = new PdfPCell(new Phrase(Fonts.printable(value, base), font));
        boolean rightToLeft = rightToLeft(value);
        cell.setRunDirection(rightToLeft ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
        cell.setHorizontalAlignment(rightToLeft ? mirrored(alignment) : alignment);
        cell.setBorder(PdfPCell.NO_BORDER);
        cell.setPadding(2);
        return cell;
    }

    private static boolean rightToLeft(String value) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            switch (Character.getDirectionality(c)) {
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC:
                    return true;
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT:
                    return false;
                default:
                    i += Character.charCount(c);
            }
        }
        return false;
    }

    private static int mirrored(int alignment) {
        return switch (alignment) {
            case Element.ALIGN_LEFT -> Element.ALIGN_RIGHT;
            case Element.ALIGN_RIGHT -> Element.ALIGN_LEFT;
            default -> alignment;
        };
    }
}
