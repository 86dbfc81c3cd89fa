package com.qleven.domain.shared;

/**
 * The one unchecked exception family of the SDK. Each subtype carries a stable {@link ErrorCode}
 * and says whether retrying the same call can help.
 */
public abstract sealed class QlevenException extends RuntimeException
        permits ValidationException, NotFoundException, ConflictException, ForbiddenException,
                UnauthenticatedException, RateLimitedException, UnprocessableException,
                PreconditionFailedException, InfrastructureException, BadGatewayException {

    private final ErrorCode code;

    protected QlevenException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** True when the same call may succeed later (a database restart, a timeout). */
    public boolean retryable() {
        return false;
    }
}
