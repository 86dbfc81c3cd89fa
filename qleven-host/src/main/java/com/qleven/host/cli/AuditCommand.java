package com.qleven.host.cli;

import com.qleven.domain.audit.ChainHead;
import com.qleven.domain.audit.ChainReport;
import com.qleven.host.HostComponent;
import com.qleven.host.config.ConfigException;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** Operations on the audit trail. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Operations on the audit trail.",
        subcommands = AuditCommand.Verify.class)
public final class AuditCommand implements Callable<Integer> {
    private final Cli cli;

    public AuditCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.err().println("qleven: audit needs a command: verify");
        return ExitCodes.CONFIG;
    }

    /**
     * Verifies every chain. It reads as the pool's unprivileged role, never as the owner: the list of
     * centers with a chain comes from the directory (ids only), then each center's chain is read in a
     * unit of work for that center, under row-level security like any request.
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Recompute every audit chain (the platform's, then each center's) from its first entry "
                    + "with the key derived from the master key file, and compare it with its head row and with the "
                    + "head last written to <data dir>/audit-heads.",
                    "Each center is read in a unit of work of its own, through the unprivileged database role and "
                            + "row-level security, as every request is; nothing is read as the database owner.",
                    "Exit 0 when every chain is intact, 3 when one is broken (the chain and the first broken "
                            + "sequence are printed), 1 when the check could not run, 2 on a configuration error."})
    public static final class Verify implements Callable<Integer> {
        private static final Logger LOG = LoggerFactory.getLogger(Verify.class);
        private final Cli cli;

        public Verify(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            HostComponent component = null;
            try {
                component = cli.component();
                List<ChainReport> reports = component.qleven().audit().verifyAll();
                long broken = 0;
                for (ChainReport r : reports) {
                    String chain = ChainHead.name(r.chain());
                    if (r.intact()) {
                        cli.out().println("chain " + chain + ": intact, " + r.verified() + " entries verified");
                    } else {
                        broken++;
                        cli.out().println("chain " + chain + ": BROKEN at sequence " + r.brokenAt().get() + " ("
                                + r.reason().get().wireName() + "), " + r.verified() + " entries verified before it");
                    }
                }
                cli.out().println(reports.size() + " chains, " + broken + " broken");
                return broken == 0 ? ExitCodes.OK : ExitCodes.AUDIT_BROKEN;
            } catch (ConfigException e) {
                cli.err().println("qleven: " + e.getMessage());
                return ExitCodes.CONFIG;
            } catch (RuntimeException e) {
                LOG.error("audit verification failed", e);
                cli.err().println("qleven: audit verification could not run: " + e.getMessage());
                return ExitCodes.FAILURE;
            } finally {
                if (component != null) {
                    component.resources().close();
                }
            }
        }
    }
}
