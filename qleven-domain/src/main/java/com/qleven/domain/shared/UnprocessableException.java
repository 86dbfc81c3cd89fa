package com.qleven.domain.shared;

/** Well-formed input against a business rule; names the field the rule is about. */
public final class UnprocessableException extends QlevenException {
    private final String field;

    public UnprocessableException(String field, String message) {
        super(ErrorCode.UNPROCESSABLE, message, null);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
