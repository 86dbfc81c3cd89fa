package com.qleven.host.http;

import java.util.Objects;

/** A problem the HTTP layer itself finds (a bad body, an unknown route) before any use case runs. */
public final class HttpProblem extends RuntimeException {
    private final transient Problem problem;

    public HttpProblem(Problem problem) {
        super(problem.code() + ": " + problem.detail(), null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }
}
