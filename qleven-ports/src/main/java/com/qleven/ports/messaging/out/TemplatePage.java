package com.qleven.ports.messaging.out;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of templates and the cursor of the next page (empty on the last). */
public record TemplatePage(List<RemoteTemplate> items, Optional<String> after) {
    public TemplatePage {
        items = List.copyOf(items);
        Objects.requireNonNull(after, "after");
    }
}
