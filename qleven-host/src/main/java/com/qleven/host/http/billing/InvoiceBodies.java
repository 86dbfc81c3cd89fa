package com.qleven.host.http.billing;

import java.util.List;

/** The JSON bodies of the invoice routes, as sent; {@link BillingParse} checks them field by field. */
final class InvoiceBodies {
    private InvoiceBodies() {
    }

    /** {@code {"amountMinor","currency"}} as API.md gives every money field. */
    record MoneyBody(Long amountMinor, String currency) {
    }

    record LineBody(String description, String quantity, MoneyBody unitPrice, String taxRate, MoneyBody discount) {
    }

    record DraftBody(String clientId, String appointmentId, String kind, List<LineBody> lines, MoneyBody discount) {
    }

    record LinesBody(List<LineBody> lines, MoneyBody discount) {
    }

    record CreditLineBody(Integer line, String quantity) {
    }

    record CreditNoteBody(Boolean full, List<CreditLineBody> lines, String reason) {
    }

    /** A fee of the policy: a fixed {@code amount} or a {@code percent} of the service's price, one of them. */
    record FeeBody(MoneyBody amount, String percent) {
    }

    record SettingsBody(String priceBasis, String legalName, String ice, String ifNumber, FeeBody noShowFee,
                        FeeBody lateCancellationFee) {
    }
}
