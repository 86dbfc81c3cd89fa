package com.qleven.ports.tenancy.in;

import com.qleven.domain.tenancy.Principal;

/** Turns a bearer token into the principal it stands for, extending the session's idle time. */
public interface Authenticate {

    /** @throws com.qleven.domain.shared.UnauthenticatedException for an unknown, ended or expired token */
    Principal authenticate(String token);
}
