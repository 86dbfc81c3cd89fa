package com.qleven.host.config;

import java.util.List;

/**
 * The host's configuration cannot be used. Each problem names the environment variable to fix, so
 * the operator reads one message and corrects every mistake at once.
 */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a configuration error names at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }

    private static String describe(List<String> problems) {
        return problems.size() == 1
                ? "invalid configuration: " + problems.get(0)
                : "invalid configuration:\n  - " + String.join("\n  - ", problems);
    }
}
