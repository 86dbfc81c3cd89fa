package com.qleven.adapters.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * DejaVu Sans, regular and bold (Latin with its accents, Greek, Cyrillic, Arabic, Hebrew), bundled in
 * this module with its licence ({@code DejaVu-LICENSE.txt}). The files are read from the classpath as
 * bytes, never as files, so they load the same from a jar nested in the host's shaded jar. Each font
 * is embedded as Identity-H, subset to the glyphs a document uses, with a ToUnicode map so its text
 * can be searched and copied. A {@link BaseFont} is shared by every rendering: OpenPDF only reads it,
 * and writing a subset works on a copy of the font's bytes.
 */
record Fonts(BaseFont regular, BaseFont bold) {
    private static final String FOLDER = "/com/qleven/adapters/pdf/fonts/";
    /** Stands for a character the font cannot draw, so a name is never printed silently shortened. */
    private static final int REPLACEMENT = 0xFFFD;

    /** Reads both fonts; fails at once when a file is missing rather than at the first invoice. */
    static Fonts load() {
        return new Fonts(font("DejaVuSans.ttf"), font("DejaVuSans-Bold.ttf"));
    }

    private static BaseFont font(String file) {
        byte[] bytes;
        try (InputStream in = Fonts.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException(FOLDER + file + " is missing from the classpath");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + file, e);
        }
        try {
            // Not OpenPDF's own cache: it is JVM-wide and keyed by the bare name.
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("cannot use the bundled font " + file, e);
        }
    }

    /**
     * The text with each character {@code font} has no glyph for replaced by U+FFFD (a CJK name with
     * DejaVu Sans). Line breaks stay, other whitespace the font lacks (a tab) becomes a space, and
     * invisible format characters it lacks (U+061C) are dropped: none of them needs a glyph.
     */
    static String printable(String text, BaseFont font) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (font.charExists(c) || c == '\n') {
                out.appendCodePoint(c);
            } else if (Character.isWhitespace(c)) {
                out.append(' ');
            } else if (Character.getType(c) != Character.FORMAT) {
                out.appendCodePoint(REPLACEMENT);
            }
        });
        return out.toString();
    }
}
