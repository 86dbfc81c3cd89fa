package com.qleven.ports.billing.out;

/** Lays an issued invoice or credit note out as a PDF a tax office and a client can read. */
@FunctionalInterface
public interface InvoiceRenderer {
    /**
     * The PDF's bytes; every font it uses is embedded, so Latin (accents included) and Arabic names
     * print as written (Arabic shaped, right to left); a script the font lacks (CJK, Indic) prints as
     * the replacement mark, never silently dropped.
     */
    byte[] pdf(InvoiceDocument document);
}
