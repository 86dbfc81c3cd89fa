package com.qleven.domain.clients;

import java.util.Locale;

/** What two possibly duplicate clients share: the phone, the email, or both. */
public enum DuplicateMatch {
    PHONE,
    EMAIL,
    BOTH;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The match of a stored wire name; anything else is a programming error of the store. */
    public static DuplicateMatch ofWireName(String text) {
        for (DuplicateMatch m : values()) {
            if (m.wireName().equals(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("not a duplicate match: " + text);
    }

    /** The match of a client found by phone, by email, or by both. */
    public static DuplicateMatch of(boolean phone, boolean email) {
        if (phone && email) {
            return BOTH;
        }
        if (phone) {
            return PHONE;
        }
        if (email) {
            return EMAIL;
        }
        throw new IllegalArgumentException("a duplicate shares the phone or the email");
    }
}
