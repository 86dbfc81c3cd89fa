package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.devices.AckStatus;
import com.qleven.domain.devices.CommandStatus;
import com.qleven.domain.devices.CommandType;
import com.qleven.domain.devices.DeviceCommand;
import com.qleven.domain.devices.DeviceCommandId;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.MaintenanceRules;
import com.qleven.domain.devices.TreatmentSession;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.in.TelemetryReport;
import com.qleven.ports.devices.out.DeviceCommands;
import com.qleven.ports.devices.out.DeviceWorkStore;
import com.qleven.ports.devices.out.StoredSession;
import com.qleven.ports.scheduling.out.StoredAppointment;
import com.qleven.ports.shared.out.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every device work store promises: a command is stored in its cause's unit and read back as
 * written, only in its center; the ones to act on (due, or whose lifetime is over while waiting) are
 * locked in the order they must be acted on; centers with such commands are claimed under a lease that
 * any change of their waiting commands ends, so two dispatchers never share a center's commands at the
 * same time; a device's list pages newest first. Telemetry reads back with its latest and drops what
 * is past the retention; maintenance rules replace; sessions are one per appointment, found running by
 * device, listed and erased by client.
 */
public abstract class DeviceWorkContract {
    /** Far from other suites' times, so a claim sees this suite's centers only. */
    private static final Instant BASE = T0.plus(Duration.ofDays(4000));

    protected abstract QlevenStore store();

    private DeviceWorkStore work() {
        return store().deviceWork();
    }

    private DeviceCommands commands() {
        return work().commands();
    }

    private Transactions tx() {
        return store().shared().transactions();
    }

    private <T> T in(TenantId tenant, Supplier<T> work) {
        return tx().inTenant(tenant, work);
    }

    private void run(TenantId tenant, Runnable work) {
        tx().inTenant(tenant, () -> {
            work.run();
            return null;
        });
    }

    private TenantId center() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        return tenant;
    }

    private static DeviceCommand command(DeviceId device, Instant at, Optional<AppointmentId> appointment) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("fluence", 12.5);
        parameters.put("pulses", 3L);
        parameters.put("mode", "fast \"cool\"");
        parameters.put("cooling", true);
        return DeviceCommand.queue(new DeviceCommandId(UUID.randomUUID()), device, CommandType.ARM, parameters,
                appointment, newUser(), at, Duration.ofSeconds(60));
    }

    private StoredAppointment appointment(TenantId tenant) {
        StoredAppointment a = SchedulingFixtures.booked(tenant, newUser(), SchedulingFixtures.newRoom(),
                List.of(SchedulingFixtures.newPiece()), SchedulingFixtures.MONDAY_9, 45);
        run(tenant, () -> store().scheduling().appointments().add(a));
        return a;
    }

    @Test
    void aCommandReadsBackAsWrittenAndOnlyInItsCenter() {
        TenantId tenant = center();
        TenantId other = center();
        DeviceId device = new DeviceId(UUID.randomUUID());
        StoredAppointment a = appointment(tenant);
        DeviceCommand c = command(device, BASE, Optional.of(a.id()));
        run(tenant, () -> commands().add(tenant, c));

        assertThat(in(tenant, () -> commands().find(tenant, c.id()))).contains(c);
        assertThat(in(other, () -> commands().find(other, c.id()))).isEmpty();
        assertThat(in(other, () -> commands().find(tenant, c.id()))).isEmpty();
        assertThatThrownBy(() -> run(tenant, () -> commands().add(tenant, c))).isInstanceOf(RuntimeException.class);

        DeviceCommand sent = c.sent(BASE.plusSeconds(1));
        run(tenant, () -> commands().update(tenant, sent));
        DeviceCommand accepted = sent.ack(AckStatus.ACCEPTED, Optional.of("armed"), BASE.plusSeconds(2));
        run(tenant, () -> commands().update(tenant, accepted));
        assertThat(in(tenant, () -> commands().find(tenant, c.id()))).contains(accepted);
        DeviceCommand stop = DeviceCommand.queue(new DeviceCommandId(UUID.randomUUID()), device, CommandType.STOP,
                Map.of(), Optional.empty(), newUser(), BASE, Duration.ofSeconds(5));
        run(tenant, () -> commands().add(tenant, stop));
        assertThat(in(tenant, () -> commands().find(tenant, stop.id()))).contains(stop);
    }

    @Test
    void aRolledBackQueueLeavesNothing() {
        TenantId tenant = center();
        DeviceCommand c = command(new DeviceId(UUID.randomUUID()), BASE, Optional.empty());
        assertThatThrownBy(() -> run(tenant, () -> {
            commands().add(tenant, c);
            throw new ConflictException("rolled back");
        })).isInstanceOf(ConflictException.class);
        assertThat(in(tenant, () -> commands().find(tenant, c.id()))).isEmpty();
    }

    @Test
    void dueAndOverdueCommandsAreLockedInTheOrderTheyMustBeActedOn() {
        TenantId tenant = center();
        DeviceId device = new DeviceId(UUID.randomUUID());
        Instant at = BASE.plus(Duration.ofDays(1));
        DeviceCommand first = command(device, at, Optional.empty());
        DeviceCommand later = command(device, at.plusSeconds(2), Optional.empty());
        DeviceCommand deferred = command(device, at, Optional.empty()).deferredTo(at.plusSeconds(30));
        DeviceCommand sentLongAgo = command(device, at.minusSeconds(59), Optional.empty()).sent(at.minusSeconds(58));
        run(tenant, () -> List.of(first, later, deferred, sentLongAgo).forEach(c -> commands().add(tenant, c)));

        assertThat(in(tenant, () -> commands().lockDue(tenant, at.plusSeconds(1), 10))).extracting(DeviceCommand::id)
                .as("due at its time, then the sent one at its expiry").containsExactly(first.id(), sentLongAgo.id());
        assertThat(in(tenant, () -> commands().lockDue(tenant, at.plusSeconds(10), 1))).extracting(DeviceCommand::id)
                .containsExactly(first.id());
        assertThat(in(tenant, () -> commands().lockDue(tenant, at.plusSeconds(30), 10))).extracting(DeviceCommand::id)
                .containsExactly(first.id(), sentLongAgo.id(), later.id(), deferred.id());
        assertThat(in(tenant, () -> commands().waitingOf(tenant, device, 10))).hasSize(4);
        DeviceCommand done = first.sent(at.plusSeconds(1)).ack(AckStatus.DONE, Optional.empty(), at.plusSeconds(2));
        run(tenant, () -> commands().update(tenant, done));
        assertThat(in(tenant, () -> commands().waitingOf(tenant, device, 10))).extracting(DeviceCommand::id)
                .doesNotContain(first.id());
    }

    @Test
    void centersAreClaimedUnderALeaseThatAChangeEnds() {
        TenantId tenant = center();
        Instant at = BASE.plus(Duration.ofDays(2));
        DeviceCommand c = command(new DeviceId(UUID.randomUUID()), at, Optional.empty());
        run(tenant, () -> commands().add(tenant, c));

        assertThat(claim(at.minusSeconds(1))).doesNotContain(tenant);
        assertThat(claim(at)).contains(tenant);
        assertThat(claim(at.plusSeconds(1))).as("leased").doesNotContain(tenant);
        assertThat(claim(at.plusSeconds(31))).as("lease over").contains(tenant);

        DeviceCommand deferred = c.deferredTo(at.plusSeconds(45));
        run(tenant, () -> commands().update(tenant, deferred));
        assertThat(claim(at.plusSeconds(40))).as("a change ends the lease; due again at the new time")
                .doesNotContain(tenant);
        assertThat(claim(at.plusSeconds(45))).contains(tenant);

        DeviceCommand sent = deferred.sent(at.plusSeconds(46));
        run(tenant, () -> commands().update(tenant, sent));
        assertThat(claim(at.plusSeconds(50))).as("a sent command waits for its expiry").doesNotContain(tenant);
        assertThat(claim(sent.expiresAt())).contains(tenant);
        run(tenant, () -> commands().update(tenant, sent.expire(sent.expiresAt())));
        assertThat(claim(sent.expiresAt().plusSeconds(3600))).as("no work left").doesNotContain(tenant);
    }

    /**
     * A run that claimed a center and found nothing to act on (its due commands held by another unit,
     * which {@code SKIP LOCKED} passes over) ends the lease, so the next run takes the center at once.
     */
    @Test
    void anEndedLeaseLetsTheNextClaimTakeTheCenterAtOnce() {
        TenantId tenant = center();
        Instant at = BASE.plus(Duration.ofDays(3));
        run(tenant, () -> commands().add(tenant, command(new DeviceId(UUID.randomUUID()), at, Optional.empty())));

        assertThat(claim(at)).contains(tenant);
        assertThat(claim(at)).as("leased").doesNotContain(tenant);
        run(tenant, () -> commands().endLease(tenant));
        assertThat(claim(at)).as("the lease ended: due again at once").contains(tenant);
        assertThat(claim(at)).as("leased by that claim").doesNotContain(tenant);

        TenantId idle = center();
        run(idle, () -> commands().endLease(idle));
        assertThat(claim(at.plusSeconds(3600))).as("no work, nothing to claim").doesNotContain(idle);
    }

    private List<TenantId> claim(Instant now) {
        return tx().global(() -> commands().claimDueCenters(now, now.plusSeconds(30), 1000));
    }

    @Test
    void twoClaimsNeverShareACenter() {
        Instant at = BASE.plus(Duration.ofDays(3));
        List<TenantId> centers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            TenantId tenant = center();
            centers.add(tenant);
            run(tenant, () -> commands().add(tenant, command(new DeviceId(UUID.randomUUID()), at, Optional.empty())));
        }
        List<TenantId> first = tx().global(() -> commands().claimDueCenters(at, at.plusSeconds(30), 3));
        List<TenantId> second = tx().global(() -> commands().claimDueCenters(at, at.plusSeconds(30), 1000));
        Set<TenantId> both = new HashSet<>(first);
        both.retainAll(second);
        assertThat(both).isEmpty();
        assertThat(first).hasSize(3);
        assertThat(new HashSet<>(second)).containsAll(centers.stream().filter(t -> !first.contains(t)).toList());
    }

    @Test
    void aDevicesCommandsPageNewestFirst() {
        TenantId tenant = center();
        DeviceId device = new DeviceId(UUID.randomUUID());
        List<DeviceCommand> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(command(device, BASE.plusSeconds(i), Optional.empty()));
        }
        run(tenant, () -> all.forEach(c -> commands().add(tenant, c)));
        run(tenant, () -> commands().add(tenant, command(new DeviceId(UUID.randomUUID()), BASE, Optional.empty())));
        Page<DeviceCommand> one = in(tenant, () -> commands().ofDevice(tenant, device, new PageRequest(3, Optional.empty())));
        Page<DeviceCommand> two = in(tenant, () -> commands().ofDevice(tenant, device, new PageRequest(3, one.next())));
        assertThat(one.items()).extracting(DeviceCommand::id)
                .containsExactly(all.get(4).id(), all.get(3).id(), all.get(2).id());
        assertThat(two.items()).extracting(DeviceCommand::id).containsExactly(all.get(1).id(), all.get(0).id());
        assertThat(two.next()).isEmpty();
    }

    @Test
    void telemetryKeepsTheLatestAndDropsWhatIsPastTheRetention() {
        TenantId tenant = center();
        TenantId other = center();
        DeviceId device = new DeviceId(UUID.randomUUID());
        TelemetryReport old = new TelemetryReport(Map.of("shots", 10.0), Map.of(), List.of(), BASE);
        TelemetryReport recent = new TelemetryReport(Map.of("shots", 1200.0, "lampHours", 310.5),
                Map.of("handpiece", 31.2), List.of("E12", "E40"), BASE.plus(Duration.ofDays(91)));
        run(tenant, () -> work().telemetry().append(tenant, device, old));
        assertThat(in(tenant, () -> work().telemetry().latest(tenant, device))).contains(old);
        run(tenant, () -> work().telemetry().append(tenant, device, recent));
        assertThat(in(tenant, () -> work().telemetry().latest(tenant, device))).contains(recent);
        assertThat(in(tenant, () -> work().telemetry().since(tenant, device, BASE.minusSeconds(1), 10)))
                .containsExactly(recent);
        assertThat(in(other, () -> work().telemetry().latest(tenant, device))).isEmpty();
    }

    @Test
    void maintenanceRulesAreReplaced() {
        TenantId tenant = center();
        DeviceId device = new DeviceId(UUID.randomUUID());
        assertThat(in(tenant, () -> work().maintenanceRules().find(tenant, device))).isEmpty();
        MaintenanceRules rules = new MaintenanceRules(List.of(new MaintenanceRules.Threshold("lampHours", 1000),
                new MaintenanceRules.Threshold("shots", 250_000.5)), List.of("E12", "E40"), false);
        run(tenant, () -> work().maintenanceRules().put(tenant, device, rules));
        assertThat(in(tenant, () -> work().maintenanceRules().find(tenant, device))).contains(rules);
        MaintenanceRules any = new MaintenanceRules(List.of(), List.of(), true);
        run(tenant, () -> work().maintenanceRules().put(tenant, device, any));
        assertThat(in(tenant, () -> work().maintenanceRules().find(tenant, device))).contains(any);
        TenantId other = center();
        assertThat(in(other, () -> work().maintenanceRules().find(tenant, device))).isEmpty();
    }

    @Test
    void sessionsAreOnePerAppointmentFoundRunningByDeviceAndErasedByClient() {
        TenantId tenant = center();
        DeviceId device = new DeviceId(UUID.randomUUID());
        StoredAppointment a = appointment(tenant);
        ClientId client = a.client();
        TreatmentSession s = TreatmentSession.start(a.id(), device, new DeviceCommandId(UUID.randomUUID()), BASE,
                Map.of("fluence", 12.5, "pulses", 3L), Map.of("shots", 100.0));
        run(tenant, () -> work().sessions().save(tenant, new StoredSession(s, client)));
        assertThat(in(tenant, () -> work().sessions().find(tenant, a.id()))).contains(new StoredSession(s, client));
        assertThat(in(tenant, () -> work().sessions().runningOn(tenant, device))).contains(new StoredSession(s, client));

        TreatmentSession stopped = s.stop(BASE.plusSeconds(600), Map.of("shots", 350.0));
        run(tenant, () -> work().sessions().save(tenant, new StoredSession(stopped, client)));
        assertThat(in(tenant, () -> work().sessions().runningOn(tenant, device))).isEmpty();
        assertThat(in(tenant, () -> work().sessions().find(tenant, a.id())).orElseThrow().session().countersUsed())
                .containsEntry("shots", 250.0);
        assertThat(in(tenant, () -> work().sessions().allOfClient(tenant, client))).hasSize(1);
        TenantId other = center();
        assertThat(in(other, () -> work().sessions().find(tenant, a.id()))).isEmpty();
        assertThat(in(tenant, () -> work().sessions().eraseClient(tenant, client))).isEqualTo(1);
        assertThat(in(tenant, () -> work().sessions().find(tenant, a.id()))).isEmpty();
        assertThat(in(tenant, () -> work().sessions().allOfClient(tenant, client))).isEmpty();
    }

    @Test
    void aWaitingCommandsStatusIsReadBackForEveryState() {
        TenantId tenant = center();
        DeviceId device = new DeviceId(UUID.randomUUID());
        DeviceCommand c = command(device, BASE, Optional.empty());
        run(tenant, () -> commands().add(tenant, c));
        for (DeviceCommand state : List.of(c.sent(BASE), c.sent(BASE).redeliverAt(BASE.plusSeconds(5)),
                c.fail("device revoked", BASE.plusSeconds(6)))) {
            run(tenant, () -> commands().update(tenant, state));
            assertThat(in(tenant, () -> commands().find(tenant, c.id()))).contains(state);
        }
        assertThat(in(tenant, () -> commands().find(tenant, c.id())).orElseThrow().status())
                .isEqualTo(CommandStatus.FAILED);
    }
}
