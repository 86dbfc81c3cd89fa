package com.qleven.ports.tenancy.in;

import com.qleven.domain.tenancy.Principal;
import java.util.Optional;
import java.util.function.Function;

/** Turns a bearer token into the principal it stands for, extending the session's idle time. */
public interface Authenticate {

    /** @throws com.qleven.domain.shared.UnauthenticatedException for an unknown, ended or expired token */
    Principal authenticate(String token);

    /**
     * Authenticates and runs {@code work} for the principal in the same unit of work, bound to the
     * principal's center: a request's authentication and its use case in one transaction (the use
     * case's own unit of work for that center joins it). An operator's session has no center: its
     * work runs after the check, outside it, so that it may open the units of work it needs. Empty
     * when the token is refused (unknown, ended or expired; a session found expired is ended
     * first), and {@code work} then does not run.
     */
    <T> Optional<T> authenticated(String token, Function<Principal, T> work);
}
