package com.qleven.adapters.postgres;

import com.qleven.domain.shared.InfrastructureException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from this JVM (the zonky binaries, PostgreSQL 15) on a data folder kept
 * between runs: the default when no database URL is configured. Listens on loopback only, on a free
 * port chosen at each start; {@link #jdbcUrl()} names its {@value #DATABASE} database, created on
 * first start. A JVM shutdown hook stops the server if {@link #close()} was not called, unless the
 * caller closes it from its own hook ({@link #start(Path, boolean)}).
 *
 * <p>It trusts nobody: every connection, local socket or TCP, authenticates with SCRAM-SHA-256,
 * and the superuser's password is random, kept next to the folder in {@code <folder>.password}
 * (mode 0600), so another local process or user cannot reach the data without reading that file.
 * A folder made by an earlier version (trust authentication) is upgraded in place at start: the
 * password is set and {@code pg_hba.conf} rewritten and reloaded before anything else connects.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    /** The database the host uses on the embedded server. */
    public static final String DATABASE = "qleven";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String PID_FILE = "postmaster.pid";
    private static final String ZONKY_LOCK = "epg-lock";
    private static final long STOP_WAIT_SECONDS = 30;
    private static final String SUPERUSER = "postgres";
    private static final String HBA_FILE = "pg_hba.conf";
    /** Every connection authenticates with SCRAM: local sockets and loopback TCP, for every role. */
    static final String HBA = """
            # Written by Qleven: every connection authenticates with SCRAM-SHA-256; no trust, no peer.
            # TYPE  DATABASE        USER            ADDRESS                 METHOD
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, String password) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.password = password;
    }

    /**
     * Starts the server on {@code dataDir}, creating the cluster there on first use and reusing it
     * afterwards. A server left running on the folder by a JVM that was killed is stopped first.
     *
     * @throws InfrastructureException when the server cannot start
     * @throws IllegalStateException   when a running process uses the folder already
     */
    public static EmbeddedDatabase start(Path dataDir) {
        return start(dataDir, true);
    }

    /**
     * As {@link #start(Path)}; with {@code stopAtExit} false no JVM hook of its own stops the server,
     * for a caller whose shutdown hook closes it after the last work on it (JVM hooks run side by
     * side, so the server's own hook would cut off that work: the host's last audit seal).
     */
    public static EmbeddedDatabase start(Path dataDir, boolean stopAtExit) {
        // A relative folder would follow the working directory and silently start another database.
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            stopStalePostmaster(dir);
            Path passwordFile = passwordFile(dir);
            String password = readOrCreatePassword(passwordFile);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(stopAtExit)
                    // zonky starts PostgreSQL with -F (fsync off) and synchronous_commit off, fine for
                    // throwaway test servers; this one keeps the center's data, so both go back on.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    // zonky checks readiness, and hands out data sources, with these connection settings.
                    .setConnectConfig("password", password);
            if (!Files.exists(dir.resolve("postgresql.conf"))) {
                // A new cluster: zonky runs initdb with "-A trust" and then the options named here
                // (its "locale" settings are passed to initdb as --name=value), which win over it:
                // the cluster is born with SCRAM everywhere and the superuser's password set.
                builder.setLocaleConfig("auth-local", "scram-sha-256")
                        .setLocaleConfig("auth-host", "scram-sha-256")
                        .setLocaleConfig("pwfile", passwordFile.toString());
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, dir, password);
            try {
                database.closeTrustIfOpen();
                database.createDatabaseIfAbsent();
            } catch (SQLException | IOException | RuntimeException e) {
                database.close();
                throw e;
            }
            return database;
        } catch (IOException e) {
            throw new InfrastructureException("cannot start the embedded PostgreSQL in " + dir + ": "
                    + e.getMessage(), false, e);
        } catch (SQLException e) {
            throw new InfrastructureException("cannot create the " + DATABASE + " database in the embedded"
                    + " PostgreSQL: " + e.getMessage(), false, e);
        }
    }

    /** {@code <folder>.password}, next to the folder: initdb wants the folder itself empty. */
    static Path passwordFile(Path dir) {
        return dir.resolveSibling(dir.getFileName() + ".password");
    }

    /**
     * The superuser's password: read from its file, or made (32 random bytes, hex) and written
     * with mode 0600 when there is none. A file others may read is refused, as for the master key.
     */
    private static String readOrCreatePassword(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String created = HexFormat.of().formatHex(random);
            Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try {
                Files.writeString(temp, created + "\n", StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(mode)) {
            throw new IllegalStateException("the embedded PostgreSQL password file " + file + " has mode "
                    + PosixFilePermissions.toString(mode) + ": its group or other users can read it; make it "
                    + "readable by its owner only with: chmod 600 " + file);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (text.length() < 32 || !text.chars().allMatch(ch -> ch > ' ' && ch < 127)) {
            throw new IllegalStateException("the embedded PostgreSQL password file " + file
                    + " does not hold a password; restore it from a backup of the data folder");
        }
        return text;
    }

    /**
     * Upgrades a folder made by an earlier version, whose server trusted every local connection:
     * sets the superuser's password (hashed by the driver, SCRAM) and replaces {@code pg_hba.conf}
     * with SCRAM everywhere, then reloads and waits until a connection without the password is
     * refused. Nothing else has connected yet. A folder already upgraded is left as it is.
     */
    private void closeTrustIfOpen() throws SQLException, IOException {
        Path hba = dataDir.resolve(HBA_FILE);
        if (Files.readString(hba, StandardCharsets.UTF_8).equals(HBA)) {
            return;
        }
        LOG.info("requiring a password (SCRAM) for every connection to the embedded PostgreSQL in {}", dataDir);
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("SET password_encryption = 'scram-sha-256'");
            }
            c.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.toCharArray(), "scram-sha-256");
            Path temp = Files.createTempFile(dataDir, ".pg_hba", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try {
                Files.writeString(temp, HBA, StandardCharsets.UTF_8);
                Files.move(temp, hba, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT pg_reload_conf(), (SELECT count(*) FROM pg_hba_file_rules WHERE error IS NOT NULL)")) {
                rs.next();
                if (rs.getLong(2) != 0) {
                    throw new IllegalStateException("the new " + HBA_FILE + " in " + dataDir + " has errors");
                }
            }
        }
        awaitPasswordRequired();
    }

    /** The postmaster reloads its configuration asynchronously: waits until trust is gone. */
    private void awaitPasswordRequired() throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            try (Connection c = postgres.getPostgresDatabase(Map.of()).getConnection()) {
                // still admitted without a password: the reload has not happened yet
            } catch (SQLException refused) {
                if ("28P01".equals(refused.getSQLState()) || "28000".equals(refused.getSQLState())
                        || String.valueOf(refused.getMessage()).contains("password")) {
                    return;
                }
                throw refused;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the server to reload", e);
            }
        }
        throw new SQLException("the embedded PostgreSQL still admits connections without a password after "
                + STOP_WAIT_SECONDS + " s");
    }

    private void createDatabaseIfAbsent() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                st.setString(1, DATABASE);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    /**
     * After a JVM is killed its postmaster lives on and holds the folder ("lock file postmaster.pid
     * already exists"); after a crash of the machine the pid file is left behind with no process.
     * Stops the former (fast shutdown, as pg_ctl stop -m fast does) and deletes the latter.
     */
    static void stopStalePostmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        requireNoLiveOwner(dir);
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(EmbeddedDatabase::isPostgres);
        if (process.isEmpty()) {
            LOG.info("removing the stale {} left in {}", PID_FILE, dir);
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle postmaster = process.get();
        LOG.warn("stopping the PostgreSQL server (pid {}) left running on {} by an earlier run", postmaster.pid(), dir);
        if (!signal("INT", postmaster.pid())) {
            postmaster.destroy();
        }
        try {
            postmaster.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the stale PostgreSQL server " + postmaster.pid(), e);
        } catch (Exception e) {
            throw new IOException("the stale PostgreSQL server " + postmaster.pid() + " on " + dir
                    + " did not stop within " + STOP_WAIT_SECONDS + " s; stop it and start again", e);
        }
        // A clean shutdown removes the file; a postmaster that died some other way leaves it behind.
        Files.deleteIfExists(pidFile);
    }

    /**
     * zonky holds a lock on {@value #ZONKY_LOCK} while it runs a server on the folder; the lock
     * dies with its JVM. Held means a live process uses the folder, whose server must not be stopped.
     */
    private static void requireNoLiveOwner(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve(ZONKY_LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("the PostgreSQL data folder " + dir
                        + " is in use by a running process; stop it or choose another folder");
            }
            lock.release();
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            long pid = Long.parseLong(line.trim());
            return pid > 0 ? Optional.of(pid) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A pid from the file may since belong to another program: only a postgres process is stopped. */
    private static boolean isPostgres(ProcessHandle process) {
        Optional<String> command = process.info().command();
        if (command.isEmpty()) {
            try {
                command = Optional.of(Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline")));
            } catch (IOException | UncheckedIOException e) {
                return false;
            }
        }
        String name = command.get();
        return name.endsWith("/postgres") || name.equals("postgres") || name.contains("/bin/postgres");
    }

    /** SIGINT asks for a fast shutdown; the JDK alone can only send SIGTERM (smart) and SIGKILL. */
    private static boolean signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The URL of the {@value #DATABASE} database, without credentials. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    /** The server's superuser, which owns the schema and creates the pool's role. */
    public String user() {
        return SUPERUSER;
    }

    /** The superuser's random password, from {@code <folder>.password}. */
    public String password() {
        return password;
    }

    /** Where the superuser's password is kept (mode 0600). */
    public Path passwordFile() {
        return passwordFile(dataDir);
    }

    /** The loopback port chosen at this start. */
    public int port() {
        return postgres.getPort();
    }

    /** The absolute data folder. */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server (fast shutdown); the data folder stays. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL in " + dataDir, e);
        }
    }
}
