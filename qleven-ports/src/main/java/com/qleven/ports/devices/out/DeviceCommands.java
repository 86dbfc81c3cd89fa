package com.qleven.ports.devices.out;

import com.qleven.domain.devices.DeviceCommand;
import com.qleven.domain.devices.DeviceCommandId;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox of device commands. Every method but {@link #claimDueCenters} works in the center's unit;
 * writes join the caller's unit, so a command commits with the request that queued it or not at all.
 */
public interface DeviceCommands {
    /** Queues the command in the caller's unit; an id already stored is a conflict. */
    void add(TenantId tenant, DeviceCommand command);

    /**
     * The command, its row locked to the caller's commit, so an ack and the dispatcher recording a
     * send never overwrite each other.
     */
    Optional<DeviceCommand> find(TenantId tenant, DeviceCommandId id);

    /**
     * The command as last committed, without a lock: for reads only (a status poll), so a reader never
     * holds a command the dispatcher must lock or an ack must move.
     */
    Optional<DeviceCommand> read(TenantId tenant, DeviceCommandId id);

    /** Stores the command's new state (status, times, attempts, due time, detail); what it asks stays. */
    void update(TenantId tenant, DeviceCommand command);

    /**
     * Up to {@code limit} of the center's commands to act on at {@code now}, oldest due first: those
     * due ({@link DeviceCommand#due}) and those whose lifetime is over while waiting
     * ({@link DeviceCommand#overdue}), locked with {@code FOR UPDATE SKIP LOCKED}: a command another
     * dispatcher holds is skipped, never waited for.
     */
    List<DeviceCommand> lockDue(TenantId tenant, Instant now, int limit);

    /** The device's commands still waiting ({@code queued} or {@code sent}), oldest first, locked. */
    List<DeviceCommand> waitingOf(TenantId tenant, DeviceId device, int limit);

    /** The device's commands, newest first. */
    Page<DeviceCommand> ofDevice(TenantId tenant, DeviceId device, PageRequest page);

    /**
     * Centers with dispatch work at {@code now} (global unit): a command due, or a waiting command's
     * expiry reached. Each is returned once and not again before {@code leaseUntil}, claimed with
     * SKIP LOCKED so hosts side by side share them; any later change of the center's waiting commands'
     * status, due time or expiry ends the lease.
     */
    List<TenantId> claimDueCenters(Instant now, Instant leaseUntil, int limit);

    /**
     * Ends the center's claim lease, if it has one, in the caller's unit: the center is claimed again as
     * soon as it is due. The dispatcher calls it when a claimed center had nothing it could lock (its due
     * commands held by another unit, which {@link #lockDue} skips): that run changed nothing, so without
     * it the center would wait out the lease with its commands due.
     */
    void endLease(TenantId tenant);
}
