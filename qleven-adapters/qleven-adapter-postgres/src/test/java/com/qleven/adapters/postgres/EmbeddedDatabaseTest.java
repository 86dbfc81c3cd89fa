package com.qleven.adapters.postgres;

import static com.qleven.ports.contract.ContractFixtures.center;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.domain.shared.TenantId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default run's database: its data survives restarts, and so does its folder a killed JVM left. */
class EmbeddedDatabaseTest {

    private static PostgresSettings settings(EmbeddedDatabase db) {
        return PostgresSettings.of(db.jdbcUrl(), db.user(), db.password(), "derived-from-the-master-key", 2);
    }

    @Test
    void data_survives_a_restart_and_a_stale_pid_file_does_not_stop_the_next_start(@TempDir Path dir)
            throws Exception {
        TenantId tenant = newTenant();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("data"));
             PostgresStore store = PostgresStore.open(settings(db))) {
            assertThat(db.jdbcUrl()).endsWith("/" + EmbeddedDatabase.DATABASE).doesNotContain("user=");
            assertThat(db.dataDir()).isAbsolute();
            try (Connection c = store.appDataSource().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit')")) {
                rs.next();
                assertThat(rs.getString(1)).as("fsync").isEqualTo("on");
                assertThat(rs.getString(2)).as("synchronous_commit").isEqualTo("on");
            }
            store.shared().transactions().inTenant(tenant, () -> store.tenancy().centers().add(center(tenant)));
        }

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("data"));
             PostgresStore store = PostgresStore.open(settings(db))) {
            assertThat(store.shared().transactions().inTenant(tenant, () -> store.tenancy().centers().byId(tenant)))
                    .contains(center(tenant));
        }

        // As after a power cut: the pid file names a process that is gone.
        Files.write(dir.resolve("data/postmaster.pid"), List.of(Long.toString(deadPid()), dir.resolve("data").toString()));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("data"));
             PostgresStore store = PostgresStore.open(settings(db))) {
            assertThat(store.shared().transactions().inTenant(tenant,
                    () -> store.tenancy().centers().byId(tenant))).isPresent();
        }
    }

    @Test
    void a_server_left_running_by_a_killed_jvm_is_stopped_and_its_data_kept(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanedEmbeddedDatabase.class.getName(),
                data.toString())
                .redirectErrorStream(true)
                .start();
        long orphan;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("started "));
            assertThat(line).as("the child JVM started its server").isNotNull();
            orphan = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        } finally {
            // SIGKILL: no shutdown hook runs, the postmaster is orphaned.
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        try {
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the orphan lives on").contains(true);

            try (EmbeddedDatabase db = EmbeddedDatabase.start(data);
                 PostgresStore store = PostgresStore.open(settings(db))) {
                assertThat(store.isReady()).isTrue();
            }

            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        } finally {
            // Whatever failed above, leave no server running on the machine.
            ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void it_trusts_nobody_every_connection_needs_the_password_kept_in_a_0600_file(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data);
             PostgresStore store = PostgresStore.open(settings(db))) {
            assertThat(store.isReady()).isTrue();
            Path passwordFile = dir.resolve("data.password");
            assertThat(passwordFile).isRegularFile();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(db.password()).hasSizeGreaterThanOrEqualTo(32);
            assertRefusedWithoutThePassword(db);
            assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#].*\\b(trust|peer|ident)\\b");
        }
        // And after a restart, still.
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data)) {
            assertRefusedWithoutThePassword(db);
        }
    }

    @Test
    void a_folder_of_an_earlier_version_that_trusted_loopback_is_upgraded_and_keeps_its_data(@TempDir Path dir)
            throws Exception {
        Path data = dir.resolve("data");
        // What the earlier version made: zonky's defaults, trust authentication, no password.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "localhost").start();
             Connection c = old.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + EmbeddedDatabase.DATABASE);
        }
        TenantId tenant = newTenant();
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "localhost").start();
             PostgresStore store = PostgresStore.open(PostgresSettings.of(
                     "jdbc:postgresql://localhost:" + old.getPort() + "/" + EmbeddedDatabase.DATABASE, "postgres", "",
                     "derived-from-the-master-key", 2))) {
            store.shared().transactions().inTenant(tenant, () -> store.tenancy().centers().add(center(tenant)));
        }
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).containsPattern("(?m)^host.*trust");

        try (EmbeddedDatabase db = EmbeddedDatabase.start(data)) {
            assertRefusedWithoutThePassword(db);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data.password"))))
                    .isEqualTo("rw-------");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data);
             PostgresStore store = PostgresStore.open(settings(db))) {
            assertRefusedWithoutThePassword(db);
            assertThat(store.shared().transactions().inTenant(tenant, () -> store.tenancy().centers().byId(tenant)))
                    .as("the data written before the upgrade").contains(center(tenant));
        }
    }

    @Test
    void a_password_file_others_can_read_is_refused(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data)) {
            assertThat(db.password()).isNotEmpty();
        }
        Path passwordFile = dir.resolve("data.password");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r--r--"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedDatabase.start(data))
                .hasMessageContaining(passwordFile.toString()).hasMessageContaining("chmod 600");
    }

    /** No password, a wrong one, over TCP and over the local socket's TCP twin: all refused. */
    private static void assertRefusedWithoutThePassword(EmbeddedDatabase db) {
        for (String password : new String[] {null, "", "wrong-" + db.password()}) {
            java.util.Properties props = new java.util.Properties();
            props.setProperty("user", db.user());
            if (password != null) {
                props.setProperty("password", password);
            }
            for (String url : List.of(db.jdbcUrl(), db.jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE, "/postgres"),
                    db.jdbcUrl().replace("localhost", "127.0.0.1"))) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> java.sql.DriverManager.getConnection(url, props)
                        .close()).as("%s with password %s", url, password).isInstanceOf(java.sql.SQLException.class);
            }
        }
    }

    /** The pid of a process that has exited. */
    private static long deadPid() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("true").start();
        p.waitFor(10, TimeUnit.SECONDS);
        return p.pid();
    }
}
