package com.qleven.domain.billing;

/**
 * Where an invoice is: a draft is changed freely and numbered by nobody; issuing gives it the next
 * number of its series and freezes it for good (a correction is a credit note, never an edit).
 */
public enum InvoiceStatus {
    DRAFT("draft"),
    ISSUED("issued");

    private final String wireName;

    InvoiceStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static InvoiceStatus fromWire(String value) {
        for (InvoiceStatus status : values()) {
            if (status.wireName.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("no invoice status " + value);
    }
}
