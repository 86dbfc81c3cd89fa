package com.qleven.host.http;

import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.QlevenException;
import com.qleven.domain.shared.RateLimitedException;
import com.qleven.domain.shared.UnauthenticatedException;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to exactly one problem: each {@link com.qleven.domain.shared.ErrorCode} to
 * one status, the HTTP layer's own refusals to theirs, anything else to a 500 that tells nothing
 * but the request id (the cause goes to the log).
 */
public final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    public static Problem from(Throwable failure) {
        if (failure instanceof HttpProblem http) {
            return http.problem();
        }
        if (failure instanceof QlevenException core) {
            return fromCore(core);
        }
        LOG.error("unexpected failure", failure);
        return internal();
    }

    private static Problem fromCore(QlevenException e) {
        switch (e.code()) {
            case VALIDATION:
                ValidationException invalid = (ValidationException) e;
                return validation(invalid.errors().stream().map(ProblemField::of).toList());
            case UNAUTHENTICATED:
                Duration slowDown = ((UnauthenticatedException) e).slowDown();
                return Problem.of(401, "UNAUTHENTICATED", "unauthenticated", "Authentication required", e.getMessage())
                        .withHeader("WWW-Authenticate", "Bearer")
                        .withDelay(slowDown.isNegative() ? Duration.ZERO : slowDown);
            case FORBIDDEN:
                return Problem.of(403, "FORBIDDEN", "forbidden", "Forbidden", e.getMessage());
            case NOT_FOUND:
                return Problem.of(404, "NOT_FOUND", "not-found", "Not found", e.getMessage());
            case CONFLICT:
                return Problem.of(409, "CONFLICT", "conflict", "Conflict", e.getMessage())
                        .withExtensions(((ConflictException) e).details());
            case PRECONDITION_FAILED:
                return Problem.of(412, "PRECONDITION_FAILED", "precondition-failed", "Precondition failed",
                        e.getMessage());
            case UNPROCESSABLE:
                UnprocessableException rule = (UnprocessableException) e;
                Problem problem = Problem.of(422, "UNPROCESSABLE", "unprocessable", "Unprocessable request",
                        rule.field() == null ? e.getMessage() : rule.field() + ": " + e.getMessage());
                return rule.field() == null ? problem : problem.withErrors(List.of(
                        new ProblemField(rule.field(), ProblemField.pointer(rule.field()), e.getMessage())));
            case CONSENT_MISSING:
                return Problem.of(422, "CONSENT_MISSING", "consent-missing", "Consent missing", e.getMessage());
            case RATE_LIMITED:
                Duration retryAfter = ((RateLimitedException) e).retryAfter();
                long seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
                return Problem.of(429, "RATE_LIMITED", "rate-limited", "Too many requests", e.getMessage())
                        .withHeader("Retry-After", Long.toString(seconds));
            case BAD_GATEWAY:
                com.qleven.domain.shared.BadGatewayException upstream = (com.qleven.domain.shared.BadGatewayException) e;
                return Problem.of(502, "BAD_GATEWAY", "bad-gateway", "Bad gateway", e.getMessage())
                        .withExtensions(upstream.details());
            case UNAVAILABLE:
                LOG.warn("service unavailable", e);
                return unavailable("the service is temporarily unavailable; retry later")
                        .withHeader("Retry-After", "5");
            case INTERNAL:
                LOG.error("internal failure", e);
                return internal();
            default:
                LOG.error("unmapped error code " + e.code(), e);
                return internal();
        }
    }

    public static Problem validation(List<ProblemField> fields) {
        String detail = String.join("; ", fields.stream().map(f -> f.field() + ": " + f.message()).toList());
        return Problem.of(400, "VALIDATION", "validation", "Invalid request", detail).withErrors(fields);
    }

    public static HttpProblem invalid(ProblemField field) {
        return new HttpProblem(validation(List.of(field)));
    }

    public static HttpProblem notFound() {
        return new HttpProblem(Problem.of(404, "NOT_FOUND", "not-found", "Not found", "no such resource"));
    }

    public static HttpProblem methodNotAllowed(Set<String> allowed) {
        String allow = String.join(", ", new TreeSet<>(allowed));
        return new HttpProblem(Problem.of(405, "METHOD_NOT_ALLOWED", "method-not-allowed", "Method not allowed",
                "this resource answers " + allow).withHeader("Allow", allow));
    }

    public static HttpProblem payloadTooLarge(long limit) {
        return new HttpProblem(Problem.of(413, "PAYLOAD_TOO_LARGE", "payload-too-large", "Request body too large",
                "the body must be at most " + limit + " bytes").withErrors(List.of(
                        ProblemField.body("must be at most " + limit + " bytes"))));
    }

    public static HttpProblem unsupportedMediaType() {
        return new HttpProblem(Problem.of(415, "UNSUPPORTED_MEDIA_TYPE", "unsupported-media-type",
                "Unsupported media type", "the body must be JSON sent as Content-Type: application/json")
                .withErrors(List.of(ProblemField.body("must be sent as Content-Type: application/json"))));
    }

    public static Problem unavailable(String detail) {
        return Problem.of(503, "UNAVAILABLE", "unavailable", "Service unavailable", detail);
    }

    public static Problem internal() {
        return Problem.of(500, "INTERNAL", "internal", "Internal error",
                "an unexpected error occurred; quote the requestId when reporting it");
    }
}
