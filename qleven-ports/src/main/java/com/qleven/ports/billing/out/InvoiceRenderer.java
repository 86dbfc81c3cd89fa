package com.qleven.ports.billing.out;

/** Lays an issued invoice or credit note out as a PDF a tax office and a client can read. */
@FunctionalInterface
public interface InvoiceRenderer {
    /** The PDF's bytes; every font it uses is embedded, so any name prints as written. */
    byte[] pdf(InvoiceDocument document);
}
