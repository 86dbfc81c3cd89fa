package com.qleven.host.config;

import java.util.Map;
import java.util.Objects;

/** The variables the host reads its configuration from: the process environment, or a map in tests. */
public record Environment(Map<String, String> variables) {
    public Environment {
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
    }

    public static Environment ofProcess() {
        return new Environment(System.getenv());
    }

    @Override
    public String toString() {
        return "Environment[" + variables.size() + " variables]";
    }
}
