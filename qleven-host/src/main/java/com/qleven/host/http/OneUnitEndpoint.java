package com.qleven.host.http;

import com.qleven.ports.tenancy.in.Authenticate;
import java.util.Optional;

/**
 * Runs an authenticated route in one unit of work: the session's check (by the token's directory
 * row, then in its center) and the endpoint's use case share one transaction, bound to the
 * caller's center, whose own unit of work joins it (issue 8, "one unit of work per request").
 * Without credentials, or when they are refused, the endpoint runs as it is and answers what it
 * answers then (a 401 where it needs a principal), so a route that needs none is not affected.
 */
final class OneUnitEndpoint implements Endpoint {
    private final Endpoint inner;
    private final Authenticate authenticate;

    OneUnitEndpoint(Endpoint inner, Authenticate authenticate) {
        this.inner = inner;
        this.authenticate = authenticate;
    }

    private static final class Failure extends RuntimeException {
        Failure(Exception cause) {
            super(cause);
        }
    }

    @Override
    public Response handle(Request request) throws Exception {
        Optional<String> token = request.credentials();
        if (token.isEmpty()) {
            return inner.handle(request);
        }
        Optional<Response> answered;
        try {
            answered = authenticate.authenticated(token.get(), principal -> {
                request.authenticatedAs(principal);
                try {
                    return inner.handle(request);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new Failure(e);
                }
            });
        } catch (Failure wrapped) {
            throw (Exception) wrapped.getCause();
        }
        return answered.isPresent() ? answered.get() : inner.handle(request);
    }
}
