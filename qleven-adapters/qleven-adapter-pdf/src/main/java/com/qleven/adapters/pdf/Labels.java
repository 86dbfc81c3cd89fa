package com.qleven.adapters.pdf;

import com.qleven.domain.billing.InvoiceKind;
import java.util.Locale;

/**
 * The renderer's own words in one language: English, French or Spanish by the document's
 * {@code locale.getLanguage()}, English for any other language. Texts the center wrote (descriptions,
 * legal mentions, identifier labels such as NIF or ICE) are printed as given and never pass here.
 */
record Labels(String invoice, String simplifiedInvoice, String creditNote, String number, String issueDate,
              String seller, String buyer, String corrects, String reason, String description, String quantity,
              String unitPrice, String discount, String rate, String net, String tax, String total,
              String taxBreakdown, String netTotal, String taxTotal, String grandTotal, String paid, String balance,
              String pricesIncludeTax, String pricesExcludeTax, String chainHash, String page,
              String amountsIn) {

    static final Labels ENGLISH = new Labels("Invoice", "Simplified invoice", "Credit note", "Number", "Issue date",
            "Seller", "Customer", "Corrects invoice", "Reason", "Description", "Qty", "Unit price", "Discount",
            "Rate", "Net", "Tax", "Total", "Tax breakdown", "Net total", "Tax total", "Total", "Paid", "Balance due",
            "Prices include tax", "Prices exclude tax", "Chain hash", "Page", "Amounts in");
    static final Labels FRENCH = new Labels("Facture", "Facture simplifiée", "Avoir", "Numéro", "Date d'émission",
            "Vendeur", "Client", "Rectifie la facture", "Motif", "Désignation", "Qté", "Prix unitaire", "Remise",
            "Taux", "HT", "TVA", "TTC", "Détail de la TVA", "Total HT", "Total TVA", "Total TTC", "Payé",
            "Reste à payer", "Prix indiqués TTC", "Prix indiqués HT", "Empreinte de chaînage", "Page",
            "Montants en");
    static final Labels SPANISH = new Labels("Factura", "Factura simplificada", "Factura rectificativa", "Número",
            "Fecha de expedición", "Emisor", "Cliente", "Rectifica la factura", "Motivo", "Descripción", "Cant.",
            "Precio unit.", "Descuento", "Tipo", "Base", "Cuota", "Total", "Desglose de impuestos",
            "Base imponible", "Total impuestos", "Total", "Pagado", "Pendiente", "Precios con impuestos incluidos",
            "Precios sin impuestos", "Huella encadenada", "Página", "Importes en");

    /** The labels of the locale's language, English when it is neither French nor Spanish. */
    static Labels of(Locale locale) {
        return switch (locale.getLanguage()) {
            case "fr" -> FRENCH;
            case "es" -> SPANISH;
            default -> ENGLISH;
        };
    }

    /**
     * The locale dates are written in: the document's own when these labels are in its language (so
     * {@code en-GB} and {@code en-US} keep their order of day and month), English otherwise, so that
     * an English-labelled invoice does not carry a date in another language; always Latin digits.
     */
    static Locale dateLocale(Locale locale) {
        Locale written = switch (locale.getLanguage()) {
            case "en", "fr", "es" -> locale;
            default -> Locale.ENGLISH;
        };
        return new Locale.Builder().setLocale(written).setUnicodeLocaleKeyword("nu", "latn").build();
    }

    /** The document's title: what kind of invoice it is. */
    String title(InvoiceKind kind) {
        return switch (kind) {
            case FULL -> invoice;
            case SIMPLIFIED -> simplifiedInvoice;
            case CREDIT_NOTE -> creditNote;
        };
    }
}
