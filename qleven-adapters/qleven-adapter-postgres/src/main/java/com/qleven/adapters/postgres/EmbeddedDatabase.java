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
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from this JVM (the zonky binaries, PostgreSQL 15) on a data folder kept
 * between runs: the default when no database URL is configured. Listens on loopback only, on a free
 * port chosen at each start; {@link #jdbcUrl()} names its {@value #DATABASE} database, created on
 * first start. A JVM shutdown hook stops the server if {@link #close()} was not called.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    /** The database the host uses on the embedded server. */
    public static final String DATABASE = "qleven";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String PID_FILE = "postmaster.pid";
    private static final String ZONKY_LOCK = "epg-lock";
    private static final long STOP_WAIT_SECONDS = 30;

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * Starts the server on {@code dataDir}, creating the cluster there on first use and reusing it
     * afterwards. A server left running on the folder by a JVM that was killed is stopped first.
     *
     * @throws InfrastructureException when the server cannot start
     * @throws IllegalStateException   when a running process uses the folder already
     */
    public static EmbeddedDatabase start(Path dataDir) {
        // A relative folder would follow the working directory and silently start another database.
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            stopStalePostmaster(dir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(true)
                    // zonky starts PostgreSQL with -F (fsync off) and synchronous_commit off, fine for
                    // throwaway test servers; this one keeps the center's data, so both go back on.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, dir);
            database.createDatabaseIfAbsent();
            return database;
        } catch (IOException e) {
            throw new InfrastructureException("cannot start the embedded PostgreSQL in " + dir + ": "
                    + e.getMessage(), false, e);
        } catch (SQLException e) {
            throw new InfrastructureException("cannot create the " + DATABASE + " database in the embedded"
                    + " PostgreSQL: " + e.getMessage(), false, e);
        }
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
        return "postgres";
    }

    /** Empty: the embedded server trusts connections from loopback. */
    public String password() {
        return "";
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
