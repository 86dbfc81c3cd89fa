package com.qleven.host.cli;

import com.qleven.host.whatsapp.FakeGraphApi;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts the fake Graph API for demos: a host pointed at it (QLEVEN_WHATSAPP_GRAPH_URL) sends
 * WhatsApp messages nowhere real. Runs until the process is stopped.
 */
@Command(name = "fake-graph", mixinStandardHelpOptions = true,
        description = "Run a fake of Meta's WhatsApp Graph API on 127.0.0.1 for demos, until stopped.")
public final class FakeGraphCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = "--port", description = "Port on 127.0.0.1 (0: any free port). Default: ${DEFAULT-VALUE}.",
            defaultValue = "8089")
    int port;

    @Option(names = "--token", description = "An access token the fake accepts (repeatable).")
    List<String> tokens = new ArrayList<>();

    @Option(names = "--app-id", description = "The app id the code exchange expects. Default: ${DEFAULT-VALUE}.",
            defaultValue = "fake-app")
    String appId;

    @Option(names = "--app-secret", description = "The app secret the code exchange expects. Default: ${DEFAULT-VALUE}.",
            defaultValue = "fake-app-secret")
    String appSecret;

    private final CountDownLatch stopped = new CountDownLatch(1);

    public FakeGraphCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            cli.err().println("qleven: --port is 0 to 65535");
            return ExitCodes.CONFIG;
        }
        FakeGraphApi fake = FakeGraphApi.start(port).appCredentials(appId, appSecret);
        tokens.forEach(fake::acceptToken);
        Thread hook = new Thread(this::stop, "fake-graph-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            // Tokens are not echoed: the operator typed them, and a terminal's scrollback is a log too.
            cli.out().println("fake Graph API on " + fake.baseUrl() + " accepting " + tokens.size() + " token(s)");
            cli.out().flush();
            stopped.await();
        } finally {
            fake.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is what stopped us; nothing to remove.
            }
        }
        return ExitCodes.OK;
    }

    /** Stops a running fake (the process's shutdown hook, or a test). */
    void stop() {
        stopped.countDown();
    }
}
