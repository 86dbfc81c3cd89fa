package com.qleven.ports.shared.out;

import java.util.UUID;

/** New ids. The default makes time-ordered UUIDv7 ids. */
@FunctionalInterface
public interface IdGenerator {
    UUID next();
}
