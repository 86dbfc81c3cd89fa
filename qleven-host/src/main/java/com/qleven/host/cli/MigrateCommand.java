package com.qleven.host.cli;

import com.qleven.adapters.postgres.PostgresStore;
import com.qleven.host.HostComponent;
import com.qleven.host.config.ConfigException;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** Applies the database migrations and exits, for deployments that migrate before starting hosts. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply the database migrations, then exit. serve also migrates on start.")
public final class MigrateCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(MigrateCommand.class);
    private final Cli cli;

    public MigrateCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        HostComponent component = null;
        try {
            component = cli.component();
            PostgresStore.migrate(component.postgresSettings());
            cli.out().println("migrations applied to " + component.config().dataLocation());
            return ExitCodes.OK;
        } catch (ConfigException e) {
            cli.err().println("qleven: " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (RuntimeException e) {
            LOG.error("migration failed", e);
            cli.err().println("qleven: migration failed: " + e.getMessage());
            return ExitCodes.FAILURE;
        } finally {
            if (component != null) {
                component.resources().close();
            }
        }
    }
}
