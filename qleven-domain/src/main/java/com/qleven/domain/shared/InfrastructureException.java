package com.qleven.domain.shared;

/** A failure of the machinery (database, network) rather than of the request. */
public final class InfrastructureException extends QlevenException {
    private final boolean retryable;

    public InfrastructureException(String message, boolean retryable, Throwable cause) {
        super(retryable ? ErrorCode.UNAVAILABLE : ErrorCode.INTERNAL, message, cause);
        this.retryable = retryable;
    }

    @Override
    public boolean retryable() {
        return retryable;
    }
}
