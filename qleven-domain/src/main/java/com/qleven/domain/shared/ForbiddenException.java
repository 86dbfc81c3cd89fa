package com.qleven.domain.shared;

/** Authenticated, but the role may not do this. */
public final class ForbiddenException extends QlevenException {
    public ForbiddenException(String message) {
        super(ErrorCode.FORBIDDEN, message, null);
    }
}
