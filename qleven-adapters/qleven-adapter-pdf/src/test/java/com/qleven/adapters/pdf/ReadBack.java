package com.qleven.adapters.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A rendered PDF as another library (PDFBox) reads it back: its text as a reader copies it, each
 * glyph drawn with its position, the fonts its pages use and its metadata.
 */
record ReadBack(String text, List<String> pageTexts, List<Glyph> glyphs, List<FontSeen> fonts, String title,
                Instant created, String language) {

    /** One glyph as drawn: the text its ToUnicode entry maps it to, where, and in which font. */
    record Glyph(String unicode, float x, float y, String font) {
    }

    /** One font a page or a form on it uses: its name and whether a TrueType program is embedded. */
    record FontSeen(String name, boolean type0, boolean fontFile2) {
    }

    static ReadBack of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(spaces(stripper.getText(document)));
            }
            List<Glyph> glyphs = new ArrayList<>();
            PDFTextStripper collector = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition position) {
                    glyphs.add(new Glyph(position.getUnicode(), position.getXDirAdj(), position.getYDirAdj(),
                            position.getFont().getName()));
                    super.processTextPosition(position);
                }
            };
            collector.getText(document);
            List<FontSeen> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                fonts(page.getResources(), fonts);
            }
            return new ReadBack(String.join("", pages), pages, glyphs, fonts,
                    document.getDocumentInformation().getTitle(),
                    document.getDocumentInformation().getCreationDate().toInstant(),
                    document.getDocumentCatalog().getLanguage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fonts of the resources and of every form they hold (the page footer draws its count in one). */
    private static void fonts(PDResources resources, List<FontSeen> fonts) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            boolean fontFile2 = font instanceof PDType0Font type0
                    && type0.getDescendantFont() instanceof PDCIDFontType2 cid
                    && cid.getFontDescriptor() != null && cid.getFontDescriptor().getFontFile2() != null;
            fonts.add(new FontSeen(font.getName(), font instanceof PDType0Font, fontFile2));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form) {
                fonts(form.getResources(), fonts);
            }
        }
    }

    /** No-break and narrow no-break spaces as plain spaces, so expectations read as printed. */
    private static String spaces(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    int pages() {
        return pageTexts.size();
    }

    /** The text's lines, trimmed. */
    List<String> lines() {
        return text.lines().map(String::strip).toList();
    }
}
