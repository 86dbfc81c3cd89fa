package com.qleven.domain.shared;

import java.util.Optional;

/** A page size (1 to 200, default 50) and the cursor returned by the previous page. */
public record PageRequest(int limit, Optional<String> cursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        cursor = cursor == null ? Optional.empty() : cursor;
    }

    public static PageRequest first() {
        return new PageRequest(DEFAULT_LIMIT, Optional.empty());
    }
}
