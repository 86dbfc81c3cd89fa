package com.qleven.domain.shared;

/** Stable error codes: the SDK's and the HTTP API's contract. Each maps to exactly one HTTP status in the host. */
public enum ErrorCode {
    VALIDATION,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    PRECONDITION_FAILED,
    UNPROCESSABLE,
    CONSENT_MISSING,
    RATE_LIMITED,
    /** A remote service Qleven called for the request (Meta's Graph API) refused it or did not answer. */
    BAD_GATEWAY,
    UNAVAILABLE,
    INTERNAL
}
