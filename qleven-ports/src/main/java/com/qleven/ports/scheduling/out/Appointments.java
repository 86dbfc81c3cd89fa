package com.qleven.ports.scheduling.out;

import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.BusyIntervals;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.RoomId;
import com.qleven.domain.scheduling.SeriesId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.clients.ClientId;
import com.qleven.ports.scheduling.in.ClientActivity;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A center's appointments and what each holds. Every appointment holds its professional, its room
 * (if any) and each piece of its equipment over {@link StoredAppointment#occupied()} while its status
 * {@linkplain com.qleven.domain.scheduling.AppointmentStatus#holdsResources() holds resources}; the
 * store refuses two holds of one resource at overlapping times, whatever the caller checked before
 * (in PostgreSQL an exclusion constraint, so concurrent units cannot both win).
 *
 * <p>A refused hold is a {@link com.qleven.domain.shared.ConflictException} whose details name
 * {@code resource} ({@code professional}, {@code room} or {@code equipment}) and {@code resourceId},
 * plus the appointment's {@code start}. What the call wrote before the refusal is not undone: the
 * caller lets the unit of work roll back (a series booked all or nothing rolls back whole). Lists
 * page by (start, id) with an opaque cursor; each read is one statement, history included. Writes
 * join the unit of work open on the thread.
 */
public interface Appointments {

    /** Adds a new appointment (version 1) and its holds. */
    void add(StoredAppointment appointment);

    /**
     * Replaces the stored appointment with {@code appointment} (whose version is
     * {@code expectedVersion + 1}) only if the stored version is still {@code expectedVersion}:
     * times, professional, room, equipment, buffers, status, cancellation, new history entries, and
     * its holds (freed when its status no longer holds resources, moved when it was rescheduled).
     * Client, service, series and booking stay as booked.
     *
     * @return false, changing nothing, when the appointment is missing, its version is another, or
     *         {@code appointment} names another client or service
     */
    boolean update(StoredAppointment appointment, long expectedVersion);

    Optional<StoredAppointment> byId(TenantId tenant, AppointmentId id);

    /** The appointments of a series, by start. */
    List<StoredAppointment> bySeries(TenantId tenant, SeriesId series);

    /** The appointments the query selects, by start then id. */
    Page<StoredAppointment> list(TenantId tenant, AppointmentQuery query, PageRequest page);

    /**
     * In one statement, the held intervals (buffers included) of these professionals, rooms and
     * pieces of equipment that overlap {@code range}, whatever the number of resources or days.
     */
    BusyIntervals busy(TenantId tenant, Collection<UserId> professionals, Collection<RoomId> rooms,
                       Collection<EquipmentId> equipment, TimeRange range);

    /**
     * In one statement, up to {@code max} appointments of {@code professional} starting within
     * {@code starts} that are not cancelled, by start then id: what the professional's calendar feed
     * shows, read whole rather than paged so that a feed costs one query however full the agenda.
     */
    List<StoredAppointment> ofProfessional(TenantId tenant, UserId professional, TimeRange starts, int max);

    /**
     * In one statement, what the center's appointments say of each client who has any (clients with
     * none are left out): the start of the last completed one, the services of the completed ones
     * and how many were no-shows. Grouped per client in the store, never read per client.
     */
    Map<ClientId, ClientActivity.Activity> activity(TenantId tenant);
}
