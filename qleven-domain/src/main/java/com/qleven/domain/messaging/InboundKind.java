package com.qleven.domain.messaging;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a client's WhatsApp message is, from Meta's {@code messages[].type}: text, a reaction (added
 * or removed), media (kept by Meta's media id), a template quick-reply tap ({@code button}), an
 * interactive reply (button or list), a location, contacts, an order, a system message (such as a
 * number change), or a type Meta says it does not support or that is new to us. Wire names are
 * lowercase, as Meta spells them.
 */
public enum InboundKind {
    TEXT,
    REACTION,
    IMAGE,
    AUDIO,
    VIDEO,
    DOCUMENT,
    STICKER,
    LOCATION,
    CONTACTS,
    BUTTON,
    INTERACTIVE,
    ORDER,
    SYSTEM,
    UNSUPPORTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the message carries a media object (its id, mime type, hash, a file name for documents). */
    public boolean media() {
        return this == IMAGE || this == AUDIO || this == VIDEO || this == DOCUMENT || this == STICKER;
    }

    /** Whether it is a reply to one of our messages' buttons (a quick reply or an interactive reply). */
    public boolean reply() {
        return this == BUTTON || this == INTERACTIVE;
    }

    /** Meta's type; {@code unknown}, {@code unsupported} and any type new to us are {@link #UNSUPPORTED}. */
    public static InboundKind of(String metaType) {
        if (metaType == null) {
            return UNSUPPORTED;
        }
        String wire = metaType.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.wireName().equals(wire)).findFirst().orElse(UNSUPPORTED);
    }
}
