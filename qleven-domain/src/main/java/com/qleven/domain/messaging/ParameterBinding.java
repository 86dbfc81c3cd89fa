package com.qleven.domain.messaging;

import java.util.Objects;

/** One placeholder's source: the component it is in and where its text comes from. */
public record ParameterBinding(ComponentKey component, ParameterSource source) {
    public ParameterBinding {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(source, "source");
    }
}
