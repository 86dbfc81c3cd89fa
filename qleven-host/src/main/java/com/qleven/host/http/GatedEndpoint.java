package com.qleven.host.http;

import com.qleven.application.Qleven;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;

/**
 * A route that only holders of one permission may use (the platform operators' routes): the
 * caller is authenticated and its permission checked before the body is read, so a caller without
 * credentials gets 401 and one without the permission 403, whatever it sent; only then is the body
 * read and checked (400, 413, 415) and the route answered. The use case checks the permission
 * again, first too, for callers of the SDK.
 */
final class GatedEndpoint implements Endpoint {
    private final Endpoint inner;
    private final Permission permission;
    private final Qleven qleven;

    GatedEndpoint(Endpoint inner, Permission permission, Qleven qleven) {
        this.inner = inner;
        this.permission = permission;
        this.qleven = qleven;
    }

    @Override
    public Response handle(Request request) throws Exception {
        Permissions.require(request.principal(qleven.tenancy().authenticator()), permission);
        request.bytes();
        return inner.handle(request);
    }
}
