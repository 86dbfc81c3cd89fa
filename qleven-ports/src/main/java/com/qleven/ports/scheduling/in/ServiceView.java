package com.qleven.ports.scheduling.in;

import com.qleven.domain.scheduling.Service;
import java.util.Objects;

/**
 * A service of the catalogue with its entity tag: a digest of its content, so an {@code If-Match}
 * naming the tag the caller read fails (412) once anyone changed the service since.
 */
public record ServiceView(Service service, String tag) {
    public ServiceView {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(tag, "tag");
    }
}
