package com.qleven.domain.billing;

/**
 * Where a client's package stands on a given day: {@code active} redeems, {@code exhausted} has
 * nothing left, {@code expired} is past the last local date of its validity, {@code refunded} was
 * closed by a credit note for its unused part. Only {@code refunded} is stored; the others follow
 * from the balance and the day.
 */
public enum PackageState {
    ACTIVE("active"),
    EXHAUSTED("exhausted"),
    EXPIRED("expired"),
    REFUNDED("refunded");

    private final String wireName;

    PackageState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
