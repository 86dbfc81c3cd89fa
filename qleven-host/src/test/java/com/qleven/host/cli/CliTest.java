package com.qleven.host.cli;

import static com.qleven.host.TestHost.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.CorePolicies;
import com.qleven.host.Main;
import com.qleven.host.TestHost;
import com.qleven.host.config.Environment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process against the test host's database and data directory. */
class CliTest {
    private static TestHost host;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        host = TestHost.start();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /** What a command printed and returned. */
    record Run(int code, String out, String err) {
    }

    private static Run run(Map<String, String> env, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(new Environment(env), Clock.systemUTC(), CorePolicies.DEFAULT,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out, true),
                new PrintWriter(err, true), false);
        int code = Main.run(args, cli);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpAndVersionNameTheCommands() {
        Run help = run(Map.of(), "", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("serve").contains("migrate").contains("create-operator");
        Run version = run(Map.of(), "", "--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("qleven-host ").doesNotContain("unknown");
        Run sub = run(Map.of(), "", "create-operator", "--help");
        assertThat(sub.out()).contains("--password-file").contains("--full-name");
        assertThat(run(Map.of(), "", "no-such-command").code()).isEqualTo(2);
    }

    @Test
    void createOperatorReadsThePasswordFromAFileAndTheOperatorSignsIn() throws Exception {
        String email = TestHost.newEmail("operator");
        Path passwordFile = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        Run created = run(host.environment, "", "create-operator", "--email", email, "--full-name", "Olga Operadora",
                "--password-file", passwordFile.toString());
        assertThat(created.code()).as(created.err()).isZero();
        String id = created.out().strip();
        assertThat(id).matches("[0-9a-f-]{36}");

        String token = host.login(email, PASSWORD, null);
        JsonNode me = host.get("/v1/me", token).json();
        assertThat(me.get("userId").asText()).isEqualTo(id);
        assertThat(me.get("role").asText()).isEqualTo("operator");
        assertThat(me.get("tenantId").isNull()).isTrue();
        assertThat(host.get("/v1/users", token).status()).as("an operator is in no center").isEqualTo(403);

        Run again = run(host.environment, PASSWORD + "\n", "create-operator", "--email", email, "--full-name", "Otra");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
    }

    @Test
    void createOperatorReadsThePasswordFromStandardInput() {
        String email = TestHost.newEmail("operator.stdin");
        Run created = run(host.environment, PASSWORD + "\r\n", "create-operator", "--email", email, "--full-name",
                "Omar Operador", "--phone", "+212612345678");
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(host.login(email, PASSWORD, null)).isNotBlank();
    }

    @Test
    void badArgumentsAndConfigurationAreRefusedBeforeAnythingIsWritten() {
        Map<String, Long> before = host.rowCounts();
        Run weak = run(host.environment, "short\n", "create-operator", "--email", "not-an-email", "--full-name", "X");
        assertThat(weak.code()).isEqualTo(2);
        assertThat(weak.err()).contains("--email").contains("password");
        Run missing = run(host.environment, "", "create-operator", "--email", TestHost.newEmail("x"), "--full-name", "X");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no password");
        Map<String, String> badPort = new HashMap<>(host.environment);
        badPort.put("QLEVEN_DATABASE_POOL_SIZE", "lots");
        Run config = run(badPort, PASSWORD + "\n", "create-operator", "--email", TestHost.newEmail("x"),
                "--full-name", "X");
        assertThat(config.code()).isEqualTo(2);
        assertThat(config.err()).contains("QLEVEN_DATABASE_POOL_SIZE");
        assertThat(host.rowCounts()).isEqualTo(before);

        Map<String, String> badServe = new HashMap<>(host.environment);
        badServe.put("QLEVEN_HTTP_PORT", "http");
        Run serve = run(badServe, "", "serve");
        assertThat(serve.code()).isEqualTo(2);
        assertThat(serve.err()).contains("QLEVEN_HTTP_PORT");
    }

    @Test
    void migrateAppliesTheMigrationsAndExits() {
        Run migrate = run(host.environment, "", "migrate");
        assertThat(migrate.code()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("migrations applied").doesNotContain(host.database.ownerPassword().isEmpty()
                ? "\u0000" : host.database.ownerPassword());
    }
}
