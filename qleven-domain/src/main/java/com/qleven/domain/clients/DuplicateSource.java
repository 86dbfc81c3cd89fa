package com.qleven.domain.clients;

import java.util.Locale;

/** Where a possible duplicate was noticed: so far only when someone books online. */
public enum DuplicateSource {
    ONLINE_BOOKING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DuplicateSource ofWireName(String text) {
        for (DuplicateSource s : values()) {
            if (s.wireName().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a duplicate source: " + text);
    }
}
