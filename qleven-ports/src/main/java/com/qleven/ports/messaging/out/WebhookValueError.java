package com.qleven.ports.messaging.out;

import java.util.Objects;
import java.util.Optional;

/**
 * An error Meta put in a webhook rather than a status: {@code value.errors[]} of a change (the number
 * it concerns when the change's metadata names one) or {@code messages[].errors[]} of an inbound
 * message Meta could not deliver to us whole (type {@code unsupported}, 131051). Meta's texts carry no
 * personal data; they are logged and counted, never a failure.
 */
public record WebhookValueError(Optional<String> phoneNumberId, int code, Optional<String> title,
                                Optional<String> details) {
    public WebhookValueError {
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(details, "details");
    }
}
