package com.qleven.domain.shared;

/** The caller's version of the resource is stale. */
public final class PreconditionFailedException extends QlevenException {
    public PreconditionFailedException(String message) {
        super(ErrorCode.PRECONDITION_FAILED, message, null);
    }
}
