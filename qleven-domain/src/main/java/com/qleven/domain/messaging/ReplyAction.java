package com.qleven.domain.messaging;

import com.qleven.domain.shared.ValidationException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a client's tap on a reply button asks of the appointment the message was about: confirm it
 * or cancel it, within the center's rules. The wire name ({@code confirm}, {@code cancel}) is what a
 * template's {@code replyActions} says and what an interactive reply's id is.
 */
public enum ReplyAction {
    CONFIRM,
    CANCEL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The wire name, naming {@code field} when it is none. */
    public static ReplyAction parse(String wire, String field) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> new ValidationException(field, "must be confirm or cancel"));
    }

    /** An interactive reply's id read as an action: {@code confirm} or {@code cancel} exactly, nothing else. */
    public static java.util.Optional<ReplyAction> ofReplyId(String id) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(id)).findFirst();
    }
}
