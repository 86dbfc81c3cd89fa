package com.qleven.host;

import com.qleven.host.cli.AuditCommand;
import com.qleven.host.cli.Cli;
import com.qleven.host.cli.CreateOperatorCommand;
import com.qleven.host.cli.FakeGraphCommand;
import com.qleven.host.cli.KeysCommand;
import com.qleven.host.cli.MigrateCommand;
import com.qleven.host.cli.ServeCommand;
import java.lang.reflect.Constructor;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The jar's entry point: {@code serve} (the default), {@code migrate}, {@code create-operator}, {@code audit},
 * {@code keys}, {@code fake-graph}.
 */
@Command(name = "qleven-host", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        subcommands = {ServeCommand.class, MigrateCommand.class, CreateOperatorCommand.class, AuditCommand.class,
                KeysCommand.class, FakeGraphCommand.class},
        description = "Qleven's HTTP API host. Without a command it serves. Configured by QLEVEN_* environment "
                + "variables; without QLEVEN_DATABASE_URL it keeps an embedded PostgreSQL in QLEVEN_DATA_DIR "
                + "(default ./qleven-data).")
public final class Main implements Callable<Integer> {
    private final Cli cli;

    public Main(Cli cli) {
        this.cli = cli;
    }

    public static void main(String[] args) {
        System.exit(run(args, Cli.ofProcess()));
    }

    /** Runs one command line against the given environment and streams; returns the exit code. */
    public static int run(String[] args, Cli cli) {
        CommandLine line = new CommandLine(Main.class, new Factory(cli));
        line.setOut(cli.out());
        line.setErr(cli.err());
        return line.execute(args);
    }

    @Override
    public Integer call() {
        return new ServeCommand(cli).call();
    }

    /** Gives the commands the {@link Cli} they run against. */
    private static final class Factory implements CommandLine.IFactory {
        private final Cli cli;

        Factory(Cli cli) {
            this.cli = cli;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(Cli.class);
                return constructor.newInstance(cli);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    /** The version written into the jar at build time. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"qleven-host " + Version.current()};
        }
    }
}
