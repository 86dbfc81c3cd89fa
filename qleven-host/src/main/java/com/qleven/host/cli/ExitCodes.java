package com.qleven.host.cli;

/** The process's exit codes, so scripts can tell a mistake in the call from a failure of the system. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The command ran and failed: a database that does not answer, a conflict. */
    public static final int FAILURE = 1;
    /** The call or the configuration is wrong: nothing was attempted. */
    public static final int CONFIG = 2;
    /** {@code audit verify} ran and found a broken chain. */
    public static final int AUDIT_BROKEN = 3;

    private ExitCodes() {
    }
}
