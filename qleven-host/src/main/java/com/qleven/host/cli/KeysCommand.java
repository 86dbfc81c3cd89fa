package com.qleven.host.cli;

import com.qleven.adapters.crypto.AesGcmFieldCipher;
import com.qleven.adapters.crypto.MasterKeys;
import com.qleven.host.HostComponent;
import com.qleven.host.config.ConfigException;
import com.qleven.host.config.HostConfig;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Master key rotation, in three steps: {@code rotate} adds a new primary key to the file, {@code
 * rewrap} re-wraps every stored data key under it (after every host was restarted), {@code retire}
 * removes an old key that no longer wraps anything.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Master key rotation.",
        subcommands = {KeysCommand.Rotate.class, KeysCommand.Rewrap.class, KeysCommand.Retire.class})
public final class KeysCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(KeysCommand.class);
    private final Cli cli;

    public KeysCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.err().println("qleven: keys needs a command: rotate, rewrap or retire");
        return ExitCodes.CONFIG;
    }

    /** The key file the host uses; never created here, since a new ring would not read the stored data. */
    static Path keyFile(Cli cli) {
        HostConfig config = HostConfig.fromEnvironment(cli.environment().variables());
        Path file = config.masterKeyPath();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("the master key file " + file + " does not exist; start the host once to "
                    + "create it, or set " + HostConfig.MASTER_KEY_FILE);
        }
        return file;
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Add a new random key to the master key file and make it the primary key; the old keys "
                    + "stay in the file to unwrap the data keys they wrapped. The file is replaced atomically and "
                    + "stays readable by its owner only.",
                    "Then restart every host (each reads the file at start), and run keys rewrap."})
    public static final class Rotate implements Callable<Integer> {
        private final Cli cli;

        public Rotate(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            try {
                Path file = keyFile(cli);
                String before = MasterKeys.load(file).primaryId();
                MasterKeys rotated = MasterKeys.rotate(file);
                cli.out().println("new primary key " + rotated.primaryId() + " (was " + before + ") in " + file);
                cli.out().println("restart every host, then run: keys rewrap");
                return ExitCodes.OK;
            } catch (ConfigException e) {
                cli.err().println("qleven: " + e.getMessage());
                return ExitCodes.CONFIG;
            } catch (IllegalArgumentException | UncheckedIOException e) {
                cli.err().println("qleven: " + e.getMessage());
                return ExitCodes.FAILURE;
            }
        }
    }

    @Command(name = "rewrap", mixinStandardHelpOptions = true,
            description = {"Re-wrap every stored data key that an older master key wraps under the primary key, a "
                    + "batch at a time. Safe to run again and while hosts serve; the encrypted values themselves "
                    + "are not touched. Run it after every host was restarted on the rotated file.",
                    "Exit 0 when every data key is wrapped by the primary key, 1 otherwise."})
    public static final class Rewrap implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--batch-size", defaultValue = "500", description = "Data keys per batch (default 500).")
        int batchSize;

        public Rewrap(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            if (batchSize < 1 || batchSize > 10_000) {
                cli.err().println("qleven: --batch-size must be from 1 to 10000");
                return ExitCodes.CONFIG;
            }
            HostComponent component = null;
            try {
                keyFile(cli);
                component = cli.component();
                MasterKeys keys = component.masterKeys();
                AesGcmFieldCipher cipher = new AesGcmFieldCipher(keys, component.store().shared().dataKeys(),
                        cli.clock());
                AesGcmFieldCipher.Rewrap result = cipher.rewrapDataKeys(batchSize);
                cli.out().println("re-wrapped " + result.rewrapped() + " data keys under " + keys.primaryId());
                result.byMasterKey().forEach((id, count) ->
                        cli.out().println("  " + id + ": wraps " + count + " data keys"));
                for (String id : keys.keyIds()) {
                    if (!id.equals(keys.primaryId()) && result.byMasterKey().getOrDefault(id, 0L) == 0) {
                        cli.out().println(id + " wraps nothing any more: remove it with keys retire " + id);
                    }
                }
                if (result.unreadable() > 0) {
                    cli.err().println("qleven: " + result.unreadable() + " data keys are wrapped by a master key that "
                            + "is not in the file and were left as they are");
                    return ExitCodes.FAILURE;
                }
                return result.byMasterKey().keySet().stream().allMatch(keys.primaryId()::equals)
                        ? ExitCodes.OK : ExitCodes.FAILURE;
            } catch (ConfigException e) {
                cli.err().println("qleven: " + e.getMessage());
                return ExitCodes.CONFIG;
            } catch (RuntimeException e) {
                LOG.error("re-wrap failed", e);
                cli.err().println("qleven: re-wrap failed: " + e.getMessage());
                return ExitCodes.FAILURE;
            } finally {
                if (component != null) {
                    component.resources().close();
                }
            }
        }
    }

    @Command(name = "retire", mixinStandardHelpOptions = true,
            description = "Remove an old master key from the file, once keys rewrap has left no data key wrapped by it.")
    public static final class Retire implements Callable<Integer> {
        private final Cli cli;

        @Parameters(paramLabel = "KEY_ID", description = "The id of the key to remove, such as k1a2b3c4d.")
        String keyId;

        public Retire(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            HostComponent component = null;
            try {
                Path file = keyFile(cli);
                MasterKeys keys = MasterKeys.load(file);
                if (!keys.keyIds().contains(keyId)) {
                    cli.err().println("qleven: the master key file has no key " + keyId);
                    return ExitCodes.CONFIG;
                }
                if (keys.primaryId().equals(keyId)) {
                    cli.err().println("qleven: " + keyId + " is the primary key; run keys rotate first");
                    return ExitCodes.CONFIG;
                }
                component = cli.component();
                Map<String, Long> wrapped = component.store().shared().dataKeys().countByMasterKey();
                long still = wrapped.getOrDefault(keyId, 0L);
                if (still > 0) {
                    cli.err().println("qleven: " + keyId + " still wraps " + still + " data keys; run keys rewrap first");
                    return ExitCodes.FAILURE;
                }
                MasterKeys.removeKey(file, keyId);
                cli.out().println("removed " + keyId + " from " + file);
                return ExitCodes.OK;
            } catch (ConfigException e) {
                cli.err().println("qleven: " + e.getMessage());
                return ExitCodes.CONFIG;
            } catch (RuntimeException e) {
                LOG.error("retiring a key failed", e);
                cli.err().println("qleven: could not retire " + keyId + ": " + e.getMessage());
                return ExitCodes.FAILURE;
            } finally {
                if (component != null) {
                    component.resources().close();
                }
            }
        }
    }
}
