package com.qleven.application.devices;

import com.qleven.domain.devices.DeviceCommand;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.out.CommandMessage;
import com.qleven.ports.devices.out.DeviceCommands;
import com.qleven.ports.devices.out.DeviceLink;
import com.qleven.ports.devices.out.Devices;
import com.qleven.ports.devices.out.RegisteredDevice;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Publishes the outbox's due commands, on any number of hosts side by side. What callers rely on:
 * <ul>
 *   <li>Centers with work are claimed under a lease from the global queue; per center, ONE unit locks
 *       a batch of commands to act on ({@code SKIP LOCKED}): those whose lifetime is over become
 *       {@code expired} (nothing is published at or after {@code expiresAt}); those of a revoked or
 *       unknown device {@code failed}; the rest are held in flight (their due time moved
 *       {@link Settings#inFlight} ahead), so no other dispatcher takes them while this one publishes,
 *       even once the lease ends. A claimed center with nothing it could lock (its due commands held
 *       by another unit, which SKIP LOCKED passes over) has its lease ended, so the next run takes it
 *       again rather than leaving its commands waiting out the lease.</li>
 *   <li>The publishes run outside any transaction, through the {@link DeviceLink}, which returns after
 *       the broker's PUBACK; then one unit records each: taken → {@code sent} (an attempt counted);
 *       refused (false, or an exception) → left as it was, due again after {@link Settings#retryDelay}.
 *       A host that dies mid-publish leaves its commands due again once the in-flight time passes:
 *       the device deduplicates by id.</li>
 *   <li>A command the device answered while it was in flight keeps the answer (an ack is never undone).</li>
 *   <li>Without a link, or while it is not connected, nothing is claimed: commands wait queued.</li>
 * </ul>
 */
public final class CommandDispatcher {
    private static final System.Logger LOG = System.getLogger(CommandDispatcher.class.getName());

    /** How much one run does and how long a claim and an in-flight hold last. */
    public record Settings(int centersPerRun, int commandsPerCenter, Duration lease, Duration inFlight,
                           Duration retryDelay) {
        public Settings {
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(inFlight, "inFlight");
            Objects.requireNonNull(retryDelay, "retryDelay");
            if (centersPerRun < 1 || centersPerRun > 1000 || commandsPerCenter < 1 || commandsPerCenter > 1000) {
                throw new IllegalArgumentException("centers and commands per run are 1 to 1000");
            }
            if (lease.isNegative() || lease.isZero() || inFlight.isNegative() || inFlight.isZero()
                    || retryDelay.isNegative() || retryDelay.isZero()) {
                throw new IllegalArgumentException("a positive lease, in-flight hold and retry delay");
            }
        }

        public static Settings defaults() {
            return new Settings(50, 100, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(2));
        }
    }

    /** What one run did: centers claimed; commands sent, left for a retry, expired, failed. */
    public record Counts(int centers, int sent, int retried, int expired, int failed) {
    }

    private final Transactions tx;
    private final DeviceCommands commands;
    private final Devices devices;
    private final Optional<DeviceLink> link;
    private final Clock clock;
    private final Settings settings;

    public CommandDispatcher(Transactions tx, DeviceCommands commands, Devices devices, Optional<DeviceLink> link,
                             Clock clock, Settings settings) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.link = Objects.requireNonNull(link, "link");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** One run over the centers due now. */
    public Counts dispatchDue() {
        if (link.isEmpty() || !link.get().connected()) {
            return new Counts(0, 0, 0, 0, 0);
        }
        Instant now = clock.instant();
        List<TenantId> centers = tx.global(() -> commands.claimDueCenters(now, now.plus(settings.lease()),
                settings.centersPerRun()));
        int[] tally = new int[4];
        for (TenantId tenant : centers) {
            try {
                dispatch(tenant, tally);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "event=device_dispatch_failed tenant=" + tenant
                        + " error=" + e.getClass().getSimpleName());
            }
        }
        return new Counts(centers.size(), tally[0], tally[1], tally[2], tally[3]);
    }

    private record Outgoing(DeviceCommand held) {
    }

    private void dispatch(TenantId tenant, int[] tally) {
        List<Outgoing> outgoing = tx.inTenant(tenant, () -> claim(tenant, tally));
        if (outgoing.isEmpty()) {
            return;
        }
        List<Boolean> taken = new ArrayList<>();
        for (Outgoing o : outgoing) {
            DeviceCommand c = o.held();
            boolean ok;
            try {
                ok = link.orElseThrow().publish(tenant, c.device(),
                        new CommandMessage(c.id(), c.type(), c.parameters(), c.expiresAt()));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "event=device_publish_failed tenant=" + tenant + " command="
                        + c.id() + " error=" + e.getClass().getSimpleName());
                ok = false;
            }
            taken.add(ok);
        }
        tx.inTenant(tenant, () -> {
            Instant now = clock.instant();
            for (int i = 0; i < outgoing.size(); i++) {
                DeviceCommand held = outgoing.get(i).held();
                Optional<DeviceCommand> current = commands.find(tenant, held.id());
                // Answered (or otherwise moved) while in flight: what happened since stands.
                if (current.isEmpty() || !untouched(current.get(), held)) {
                    continue;
                }
                if (taken.get(i) && now.isBefore(held.expiresAt())) {
                    commands.update(tenant, current.get().sent(now));
                    tally[0]++;
                } else {
                    commands.update(tenant, current.get().deferredTo(now.plus(settings.retryDelay())));
                    tally[1]++;
                }
            }
            return null;
        });
    }

    /** Still as the claim left it (times compared to the microsecond, as a store keeps them). */
    private static boolean untouched(DeviceCommand current, DeviceCommand held) {
        return current.status() == held.status() && current.attempts() == held.attempts()
                && current.dueAt().map(CommandDispatcher::micros).equals(held.dueAt().map(CommandDispatcher::micros));
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** The one unit before any publish: expiries, failures, holds. */
    private List<Outgoing> claim(TenantId tenant, int[] tally) {
        Instant now = clock.instant();
        Map<DeviceId, Optional<RegisteredDevice>> known = new HashMap<>();
        List<Outgoing> out = new ArrayList<>();
        List<DeviceCommand> due = commands.lockDue(tenant, now, settings.commandsPerCenter());
        if (due.isEmpty()) {
            // Its due commands are held by another unit (an ack, another dispatcher): this run changes
            // nothing that would end the lease, so end it here and let the next run take the center.
            commands.endLease(tenant);
            return out;
        }
        for (DeviceCommand c : due) {
            if (c.overdue(now)) {
                commands.update(tenant, c.expire(now));
                tally[2]++;
                continue;
            }
            Optional<RegisteredDevice> device = known.computeIfAbsent(c.device(), d -> devices.find(tenant, d));
            if (device.isEmpty() || !device.get().device().active()) {
                commands.update(tenant, c.fail("device revoked", now));
                tally[3]++;
                continue;
            }
            DeviceCommand held = c.deferredTo(now.plus(settings.inFlight()));
            commands.update(tenant, held);
            out.add(new Outgoing(held));
        }
        return out;
    }
}
