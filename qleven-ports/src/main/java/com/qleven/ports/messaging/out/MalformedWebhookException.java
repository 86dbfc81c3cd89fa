package com.qleven.ports.messaging.out;

/**
 * A webhook body that can never be read (not JSON, or not a JSON object). Its message says what is
 * wrong in general terms only, never what the body holds.
 */
public final class MalformedWebhookException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedWebhookException(String message) {
        super(message);
    }
}
