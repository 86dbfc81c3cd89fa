package com.qleven.adapters.crypto;

/**
 * Argon2id cost. {@link #DEFAULT} is OWASP's minimum (19 MiB, 2 passes, 1 lane): about 57 ms a
 * hash on our 2-core machine. {@link #FAST} exists for tests that are not about hashing.
 */
public record Argon2Parameters(int memoryKiB, int iterations, int parallelism) {
    public static final Argon2Parameters DEFAULT = new Argon2Parameters(19 * 1024, 2, 1);
    public static final Argon2Parameters FAST = new Argon2Parameters(64, 1, 1);

    public Argon2Parameters {
        if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2id needs memory >= 8 KiB per lane, iterations >= 1, parallelism >= 1");
        }
    }

    /** True when these parameters meet the production minimum. */
    public boolean meetsMinimum() {
        return memoryKiB >= DEFAULT.memoryKiB && iterations >= DEFAULT.iterations;
    }
}
