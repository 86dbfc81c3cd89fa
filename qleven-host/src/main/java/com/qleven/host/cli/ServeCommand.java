package com.qleven.host.cli;

import com.qleven.host.Host;
import com.qleven.host.config.ConfigException;
import java.util.concurrent.Callable;
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
            host = Host.start(cli.component());
        } catch (ConfigException e) {
            cli.err().println("qleven: " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (RuntimeException e) {
            LOG.error("start-up failed", e);
            cli.err().println("qleven: could not start: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(host::close, "qleven-shutdown"));
        host.awaitStopped();
        return ExitCodes.OK;
    }
}
