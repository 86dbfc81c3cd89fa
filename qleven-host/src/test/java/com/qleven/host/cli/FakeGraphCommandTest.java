package com.qleven.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.host.CorePolicies;
import com.qleven.host.config.Environment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code fake-graph}: serves until stopped, accepting only the tokens it was given. */
class FakeGraphCommandTest {

    @Test
    void itServesTheFakeWithTheGivenTokensUntilStopped() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(new Environment(Map.of()), Clock.systemUTC(), CorePolicies.DEFAULT,
                new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true), new PrintWriter(err, true), false);
        FakeGraphCommand command = new FakeGraphCommand(cli);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> new CommandLine(command).execute("--port", "0", "--token", "demo-token"));

        Pattern listening = Pattern.compile("fake Graph API on (http://127\\.0\\.0\\.1:[0-9]+) accepting 1 token");
        Matcher matcher = listening.matcher("");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!matcher.reset(out.toString()).find() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(matcher.find(0)).as("the listening line in %s", out).isTrue();
        assertThat(out.toString()).doesNotContain("demo-token");
        URI subscribe = URI.create(matcher.group(1) + "/v23.0/9001/subscribed_apps");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(subscribe)
                .header("Authorization", "Bearer demo-token").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(subscribe)
                .header("Authorization", "Bearer other").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo("{\"success\":true}");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("\"code\":190");
        command.stop();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aPortOutOfRangeIsABadArgument() {
        StringWriter err = new StringWriter();
        Cli cli = new Cli(new Environment(Map.of()), Clock.systemUTC(), CorePolicies.DEFAULT,
                new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true), false);

        assertThat(new CommandLine(new FakeGraphCommand(cli)).execute("--port", "70000")).isEqualTo(ExitCodes.CONFIG);
        assertThat(err.toString()).contains("--port");
    }
}
