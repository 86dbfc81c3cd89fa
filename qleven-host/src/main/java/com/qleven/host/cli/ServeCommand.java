package com.qleven.host.cli;

import ch.qos.logback.classic.LoggerContext;
import com.qleven.host.Host;
import com.qleven.host.HostComponent;
import com.qleven.host.config.ConfigException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** Serves the API until SIGTERM or SIGINT, then drains requests and closes the store and database. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the HTTP API (the default command). Configured by QLEVEN_* environment variables.")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    private final Cli cli;

    public ServeCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Host host;
        try {
            HostComponent component = cli.component();
            AtomicReference<Host> started = new AtomicReference<>();
            CountDownLatch startEnded = new CountDownLatch(1);
            // Registered before anything starts, so a SIGTERM during start-up still stops what did
            // (the embedded database has no hook of its own): it lets the start finish, then closes
            // the host, or what the failed start left open. One hook closes the host, then stops
            // logging, which drains the asynchronous access log: logback's own hook would run beside
            // this one and drop the lines of the shutdown.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    awaitQuietly(startEnded);
                    Host running = started.get();
                    if (running != null) {
                        running.close();
                    } else {
                        component.resources().close();
                    }
                } finally {
                    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
                        logging.stop();
                    }
                }
            }, "qleven-shutdown"));
            try {
                host = Host.start(component);
                started.set(host);
            } finally {
                startEnded.countDown();
            }
        } catch (ConfigException e) {
            cli.err().println("qleven: " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (RuntimeException e) {
            LOG.error("start-up failed", e);
            cli.err().println("qleven: could not start: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        host.awaitStopped();
        return ExitCodes.OK;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(2, TimeUnit.MINUTES)) {
                LOG.warn("start-up still running after 2 minutes; stopping what is open");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
