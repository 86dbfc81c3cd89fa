package com.qleven.host.cli;

import com.qleven.host.CorePolicies;
import com.qleven.host.HostComponent;
import com.qleven.host.config.Environment;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Objects;

/**
 * What the commands run against: the environment, the clock and the standard streams. Tests give
 * their own, so each command is tested without a process of its own.
 *
 * @param console true when the password may be read from the terminal without echo
 */
public record Cli(Environment environment, Clock clock, CorePolicies policies, InputStream in, PrintWriter out,
                  PrintWriter err, boolean console) {
    public Cli {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    public static Cli ofProcess() {
        Charset charset = Charset.defaultCharset();
        return new Cli(Environment.ofProcess(), Clock.systemUTC(), CorePolicies.DEFAULT, System.in,
                new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true),
                System.console() != null);
    }

    HostComponent component() {
        return HostComponent.builder().environment(environment).clock(clock).policies(policies).build();
    }
}
