package com.qleven.host.messaging;

import com.qleven.application.QlevenStore;
import com.qleven.application.messaging.MessageParameters;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.ComponentKey;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.MessagingSettings;
import com.qleven.domain.messaging.OutboundMessage;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.messaging.ReminderSchedule;
import com.qleven.host.Host;
import com.qleven.host.HostComponent;
import com.qleven.host.TestHost;
import com.qleven.host.WhatsAppDispatchJob;
import com.qleven.host.config.Environment;
import com.qleven.host.config.HostConfig;
import com.qleven.host.config.WhatsAppSettings;
import com.qleven.host.whatsapp.FakeGraphApi;
import com.qleven.ports.messaging.out.QueuedMessage;
import com.qleven.ports.shared.out.FieldCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The dispatch rate benchmark (issue 11), not part of {@code verify}: its name matches none of the
 * test patterns, so only {@code bench/issue11-dispatch.sh} runs it ({@code -Dtest=DispatchRateBenchmark}).
 *
 * <p>One number with a configured rate ({@code -Drate}, 20/s) and a full queue is dispatched against
 * the fake Graph API for {@code -Dseconds} (60) by one host (the baseline) and then, for another
 * number, by two hosts side by side sharing its bucket through the database. Each host runs with the
 * real clock and its dispatch job every 100 ms. The fake timestamps each send on arrival; the rate is
 * counted over the window after the first 5 s (the bucket starts full: a burst of one second), and the
 * most sends in any 1-second window over the whole run must stay within the rate plus the bucket's
 * capacity (one second of sends).
 */
class DispatchRateBenchmark {
    private static final int CLIENTS = 50;
    private static final Duration SETTLE = Duration.ofSeconds(5);

    record Result(String what, int rate, long sends, double measuredRate, long maxInOneSecond,
                  long maxInOneSecondAfterBurst) {
        String row() {
            return String.format(java.util.Locale.ROOT, "| %s | %d/s | %d | %.2f/s (%+.1f%%) | %d | %d |", what, rate,
                    sends, measuredRate, 100.0 * (measuredRate - rate) / rate, maxInOneSecond, maxInOneSecondAfterBurst);
        }
    }

    @Test
    void oneNumberAtItsRateWithOneThenTwoHosts() throws Exception {
        int rate = Integer.getInteger("rate", 20);
        Duration window = Duration.ofSeconds(Long.getLong("seconds", 60));
        List<Result> results = new ArrayList<>();
        try (FakeGraphApi fake = FakeGraphApi.start(0);
             TestHost setup = TestHost.start(Map.of(WhatsAppSettings.GRAPH_URL, fake.baseUrl().toString()))) {
            results.add(phase(setup, fake, 1, rate, window));
            results.add(phase(setup, fake, 2, rate, window));
        }
        System.out.println("| dispatchers | configured | sends in the window | measured rate | max in any 1 s"
                + " (whole run) | max in any 1 s (after the first 5 s) |");
        System.out.println("|---|---|---|---|---|---|");
        results.forEach(r -> System.out.println(r.row()));
    }

    private Result phase(TestHost setup, FakeGraphApi fake, int hosts, int rate, Duration window) throws Exception {
        DispatchFixture center = DispatchFixture.center(setup, fake, true);
        QlevenStore store = setup.host().component().store();
        store.shared().transactions().inTenant(center.tenant, () -> store.messaging().centers().save(center.tenant,
                new MessagingSettings(ReminderSchedule.standard(), rate, Duration.ofDays(90)), 0,
                setup.clock.instant()));
        List<ClientId> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(center.client("Cliente Banco " + i, String.format("+346%08d", 10_000_000 + i), true));
        }
        int messages = (int) (rate * (window.toSeconds() + SETTLE.toSeconds() + 15));
        FieldCipher cipher = DispatchFixture.cipher(setup);
        for (int from = 0; from < messages; from += 100) {
            int start = from;
            store.shared().transactions().inTenant(center.tenant, () -> {
                for (int i = start; i < Math.min(messages, start + 100); i++) {
                    ClientId client = clients.get(i % CLIENTS);
                    OutboundMessageId id = new OutboundMessageId(UUID.randomUUID());
                    store.messaging().outbox().add(new QueuedMessage(center.tenant,
                            OutboundMessage.queue(id, MessagePurpose.CONFIRMATION, setup.clock.instant()), client,
                            Optional.empty(), Optional.of(center.template), Optional.of(DispatchFixture.TEMPLATE_NAME),
                            Optional.of(DispatchFixture.TEMPLATE_LANGUAGE), new MessageParameters(cipher).seal(
                                    center.tenant, client, id, Map.of(ComponentKey.BODY, List.of("Cliente")))));
                }
                return null;
            });
        }

        List<Host> running = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        try {
            for (int h = 0; h < hosts; h++) {
                Path dir = Files.createTempDirectory("qleven-bench-host");
                dirs.add(dir);
                Map<String, String> env = new HashMap<>(setup.environment);
                env.put(HostConfig.DATA_DIR, dir.toString());
                env.put(HostConfig.MASTER_KEY_FILE, setup.host().component().config().masterKeyPath().toString());
                env.put(WhatsAppDispatchJob.EVERY, "100ms");
                running.add(Host.start(HostComponent.builder().environment(new Environment(env))
                        .clock(Clock.systemUTC()).policies(TestHost.TEST_POLICIES).build()));
            }
            Thread.sleep(window.plus(SETTLE).plusSeconds(3).toMillis());
        } finally {
            for (Host host : running) {
                host.close();
            }
        }
        // What the hosts left queued is this phase's alone: gone, so the next phase measures its own number.
        try (Connection c = setup.superuser();
             PreparedStatement st = c.prepareStatement(
                     "DELETE FROM public.outbound_messages WHERE tenant_id = ? AND status = 'queued'")) {
            st.setObject(1, center.tenant.value());
            st.executeUpdate();
        }
        for (Path dir : dirs) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        List<FakeGraphApi.RecordedRequest> requests = fake.requests();
        List<Long> arrivals = fake.arrivalNanos();
        long[] times = new long[Math.min(requests.size(), arrivals.size())];
        int n = 0;
        for (int i = 0; i < times.length; i++) {
            FakeGraphApi.RecordedRequest r = requests.get(i);
            if (r.method().equals("POST") && r.path().endsWith("/" + center.phoneNumberId + "/messages")) {
                times[n++] = arrivals.get(i);
            }
        }
        long[] sends = Arrays.copyOf(times, n);
        Arrays.sort(sends);
        long first = sends[0];
        long from = first + SETTLE.toNanos();
        long to = from + window.toNanos();
        long inWindow = Arrays.stream(sends).filter(t -> t >= from && t < to).count();
        return new Result(hosts == 1 ? "1 host (baseline)" : hosts + " hosts side by side", rate, inWindow,
                inWindow / (double) window.toSeconds(), maxInOneSecond(sends, first),
                maxInOneSecond(sends, from));
    }

    /** The most sends in any window of one second starting at or after {@code from}. */
    private static long maxInOneSecond(long[] sorted, long from) {
        long max = 0;
        int j = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < from) {
                continue;
            }
            if (j < i) {
                j = i;
            }
            while (j < sorted.length && sorted[j] - sorted[i] < 1_000_000_000L) {
                j++;
            }
            max = Math.max(max, j - i);
        }
        return max;
    }
}
