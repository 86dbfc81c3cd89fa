package com.qleven.domain.audit;

import java.util.Locale;

/** What a security alert is about. */
public enum AlertKind {
    /** One account read far more distinct clients than usual in a short time (a mass export?). */
    CLIENT_READ_BURST,
    /** Many failed sign-ins for one account or from one address (password guessing?). */
    FAILED_SIGN_IN_BURST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
