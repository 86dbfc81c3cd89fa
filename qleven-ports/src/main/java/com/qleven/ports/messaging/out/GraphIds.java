package com.qleven.ports.messaging.out;

import java.util.Objects;
import java.util.regex.Pattern;

/** Checks for the ids and values that go into Graph API paths and bodies. */
final class GraphIds {
    // Graph node ids are digits; letters and '_' are allowed for invented ids in tests, never '/' or '.'.
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_]{1,64}");
    // E.164: up to 15 digits, no leading zero; Meta accepts a leading '+'.
    private static final Pattern E164 = Pattern.compile("\\+?[1-9][0-9]{6,14}");

    private GraphIds() {
    }

    static String nodeId(String value, String field) {
        Objects.requireNonNull(value, field);
        if (!NODE_ID.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " is not a Graph id");
        }
        return value;
    }

    static String e164(String value, String field) {
        Objects.requireNonNull(value, field);
        if (!E164.matcher(value).matches()) {
            // The value is left out on purpose: it is a client's phone number.
            throw new IllegalArgumentException(field + " is not an E.164 phone number");
        }
        return value;
    }

    static String callbackData(String value) {
        Objects.requireNonNull(value, "callbackData");
        // Meta's limit is 512 characters; our ids are far shorter.
        if (value.isBlank() || value.length() > 512) {
            throw new IllegalArgumentException("callbackData is 1 to 512 characters");
        }
        return value;
    }
}
