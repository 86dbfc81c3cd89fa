package com.qleven.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.adapters.crypto.MasterKeys;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.CorePolicies;
import com.qleven.host.HostComponent;
import com.qleven.host.Main;
import com.qleven.host.TestHost;
import com.qleven.host.config.Environment;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.tenancy.in.UserView;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Master key rotation from the command line, against the test host's database and key file: data
 * written before {@code keys rotate} still reads after it, after {@code keys rewrap}, and after the
 * old key is gone; the key file stays readable by its owner only.
 */
class KeysCommandTest {
    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(new Environment(host.environment), Clock.systemUTC(), CorePolicies.DEFAULT,
                new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Run(Main.run(args, cli), out.toString(), err.toString());
    }

    private static Path keyFile() {
        return host.dataDir().resolve("master.key");
    }

    private static String mode() throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile()));
    }

    /** A host as it starts after the change: it reads the key file anew. */
    private static <T> T withFreshHost(Function<HostComponent, T> work) {
        HostComponent component = HostComponent.builder().environment(new Environment(host.environment))
                .clock(Clock.systemUTC()).policies(TestHost.TEST_POLICIES).build();
        try {
            return work.apply(component);
        } finally {
            component.resources().close();
        }
    }

    private static UserView profile(HostComponent component, String token) {
        Principal principal = component.qleven().tenancy().authenticate(token);
        return component.qleven().tenancy().me(principal);
    }

    private static Map<String, Long> dataKeysByMasterKey() throws Exception {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (Connection c = host.superuser(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT master_key_id, count(*) FROM keystore.data_keys GROUP BY 1")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    @Test
    void rotateRewrapAndRetireKeepEveryValueReadable() throws Exception {
        TestHost.Center before = host.newCenter("Clínica Antes");
        String oldKey = MasterKeys.load(keyFile()).primaryId();
        assertThat(mode()).isEqualTo("rw-------");

        Run rotate = run("keys", "rotate");
        assertThat(rotate.code()).as(rotate.err()).isZero();
        String newKey = MasterKeys.load(keyFile()).primaryId();
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(rotate.out()).contains("new primary key " + newKey + " (was " + oldKey + ")");
        assertThat(mode()).isEqualTo("rw-------");
        assertThat(MasterKeys.load(keyFile()).keyIds()).containsExactlyInAnyOrder(oldKey, newKey);

        List<String> tokens = new ArrayList<>();
        tokens.add(before.token());
        String laterEmail = TestHost.newEmail("after.rotation");
        withFreshHost(component -> {
            assertThat(profile(component, before.token()).email()).isEqualTo(before.adminEmail());
            // A center signed up on a host restarted with the new key: its data keys are wrapped by it.
            var signedUp = component.qleven().tenancy().signUp(SignUpCommand.builder()
                    .centerName("Clínica Después").address("Calle Nueva 2").taxId("B87654321").country("ES")
                    .timeZone("Europe/Madrid").currency("EUR").fullName("Eva Ruiz").email(laterEmail)
                    .phone("+34600999888").password(TestHost.PASSWORD).ageConfirmed(true)
                    .client(new ClientInfo("127.0.0.1", "test", Optional.empty())).build());
            assertThat(signedUp.tenantId()).isNotNull();
            return null;
        });
        // Signed in on a restarted host too: the running test host still holds the ring it started
        // with, which is why every host is restarted after a rotation.
        tokens.add(withFreshHost(component -> component.qleven().tenancy().signIn(new SignInCommand(laterEmail,
                TestHost.PASSWORD, Optional.empty(), new ClientInfo("127.0.0.1", "test", Optional.empty()))).token()));
        assertThat(dataKeysByMasterKey()).containsKeys(oldKey, newKey);

        Run early = run("keys", "retire", oldKey);
        assertThat(early.code()).as("the old key still wraps data keys").isEqualTo(1);
        assertThat(early.err()).contains("run keys rewrap first");
        assertThat(MasterKeys.load(keyFile()).keyIds()).contains(oldKey);

        Run rewrap = run("keys", "rewrap", "--batch-size", "2");
        assertThat(rewrap.code()).as(rewrap.out() + rewrap.err()).isZero();
        assertThat(rewrap.out()).contains(oldKey + " wraps nothing any more");
        assertThat(dataKeysByMasterKey()).containsOnlyKeys(newKey);
        Run again = run("keys", "rewrap");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("re-wrapped 0 data keys");
        withFreshHost(component -> {
            tokens.forEach(t -> assertThat(profile(component, t).fullName()).isNotBlank());
            return null;
        });

        Run retire = run("keys", "retire", oldKey);
        assertThat(retire.code()).as(retire.err()).isZero();
        assertThat(MasterKeys.load(keyFile()).keyIds()).containsExactly(newKey);
        assertThat(mode()).isEqualTo("rw-------");
        withFreshHost(component -> {
            assertThat(profile(component, tokens.get(0)).email()).isEqualTo(before.adminEmail());
            assertThat(profile(component, tokens.get(1)).email()).isEqualTo(laterEmail);
            assertThat(profile(component, tokens.get(1)).phone()).contains("+34600999888");
            return null;
        });
        assertThat(run("keys", "retire", newKey).code()).as("the primary key stays").isEqualTo(2);
    }
}
