package com.qleven.domain.billing;

import com.qleven.domain.shared.ValidationException;

/**
 * The kinds of invoice a center issues, each numbered in a series of its own per year with its own
 * prefix: a full invoice ({@code F2027-000123}), a simplified one ({@code S2027-…}, a ticket without
 * the client's tax identity) and a credit note ({@code R2027-…}, which corrects or refunds one).
 */
public enum InvoiceKind {
    FULL("full", "F"),
    SIMPLIFIED("simplified", "S"),
    CREDIT_NOTE("credit_note", "R");

    private final String wireName;
    private final String prefix;

    InvoiceKind(String wireName, String prefix) {
        this.wireName = wireName;
        this.prefix = prefix;
    }

    public String wireName() {
        return wireName;
    }

    /** The letter that begins the kind's numbers. */
    public String prefix() {
        return prefix;
    }

    /** The wire name to a kind, or a 400 naming {@code field}. */
    public static InvoiceKind fromWire(String value, String field) {
        for (InvoiceKind kind : values()) {
            if (kind.wireName.equals(value)) {
                return kind;
            }
        }
        throw new ValidationException(field, "must be full, simplified or credit_note");
    }
}
