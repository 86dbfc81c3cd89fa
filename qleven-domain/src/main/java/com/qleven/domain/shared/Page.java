package com.qleven.domain.shared;

import java.util.List;
import java.util.Optional;

/** One page of a list in a stable order, and the opaque cursor of the next page when there is one. */
public record Page<T>(List<T> items, Optional<String> next) {
    public Page {
        items = List.copyOf(items);
    }
}
