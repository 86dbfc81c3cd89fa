package com.qleven.application.messaging;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.MessageFacts;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.MessageStatus;
import com.qleven.domain.messaging.MessagingSettings;
import com.qleven.domain.messaging.ReminderSchedule;
import com.qleven.domain.messaging.SkipReason;
import com.qleven.domain.scheduling.Appointment;
import com.qleven.domain.scheduling.AppointmentEvent;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.shared.CountryLocales;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.CenterProfile;
import com.qleven.ports.messaging.out.MessagingCenters;
import com.qleven.ports.messaging.out.Outbox;
import com.qleven.ports.messaging.out.QueuedMessage;
import com.qleven.ports.messaging.out.WhatsAppAccounts;
import com.qleven.ports.scheduling.in.AppointmentChanged;
import com.qleven.ports.scheduling.out.SchedulingSettingsRepository;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.shared.out.UnitLocal;
import com.qleven.ports.tenancy.in.StaffNames;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Appointment messages, listening to scheduling inside the appointment's unit of work
 * ({@code scheduling().onAppointmentChanged}), so each message commits with its cause:
 * <ul>
 *   <li>booked (staff, a series, a waitlist offer accepted, online): a {@code confirmation} due now —
 *       for a series, for its first occurrence only — and one {@code reminder} per offset of the
 *       center's settings ({@link ReminderSchedule#remindersFor}: in the center's zone, none in the
 *       past, none for an appointment no longer open);</li>
 *   <li>moved: the appointment's pending reminders are {@code skipped} ({@link SkipReason#RESCHEDULED}),
 *       reminders for the new time are queued, and a {@code change} notice;</li>
 *   <li>cancelled: its pending reminders are {@code skipped} ({@link SkipReason#APPOINTMENT_CANCELLED})
 *       and a {@code cancellation} notice is queued.</li>
 * </ul>
 * A center with no connected WhatsApp number gets no message queued at all (one read of its account
 * per step): a center that never connected WhatsApp is not filled with skipped rows. Pending reminders
 * of a move or cancellation are skipped whatever the account, so none outlives its appointment.
 * Consent is not checked here but at send time by the dispatcher.
 *
 * <p>Facts: the client's full name and preferred language, the center's name, zone and locale (the
 * scheduling settings' locale, else its country's), the appointment's start, the service's name, the
 * professional's full name, and the client's manage link when the step knows it (online bookings and
 * steps taken through the link; a staff step has none, so a template mapping {@code manage_link} is
 * skipped with {@link SkipReason#MISSING_PARAMETER}).
 */
public final class AppointmentMessages implements Consumer<AppointmentChanged> {
    /** What a message needs of its client: the name and the language to pick the template in. */
    public record Addressee(String fullName, Optional<Locale> language) {
        public Addressee {
            Objects.requireNonNull(fullName, "fullName");
            Objects.requireNonNull(language, "language");
        }

        @Override
        public String toString() {
            return "Addressee[language=" + language + "]";
        }
    }

    /** Reads a client as a message's addressee, in the caller's unit; empty for an unknown or erased client. */
    @FunctionalInterface
    public interface Addressees {
        Optional<Addressee> of(TenantId tenant, ClientId client);
    }

    /**
     * What one unit of work read for its messages, so a series booked at once reads its center, client,
     * templates and settings once, not once per occurrence (only the messages themselves are written per
     * occurrence).
     */
    private static final class UnitReads {
        final Map<TenantId, Boolean> connected = new HashMap<>();
        final Map<TenantId, MessagingSettings> settings = new HashMap<>();
        final Map<List<Object>, Optional<SchedulingSettingsRepository.CenterWithService>> centers = new HashMap<>();
        final Map<List<Object>, Optional<String>> staffNames = new HashMap<>();
        final Map<List<Object>, Optional<Addressee>> addressees = new HashMap<>();
    }

    private final UnitLocal<UnitReads> unitReads = UnitLocal.withInitial(UnitReads::new);
    private final Transactions transactions;
    private final WhatsAppAccounts accounts;
    private final MessagingCenters centers;
    private final Outbox outbox;
    private final MessageQueue queue;
    private final SchedulingSettingsRepository scheduling;
    private final StaffNames staff;
    private final Addressees addressees;
    private final Clock clock;

    public AppointmentMessages(Transactions transactions, WhatsAppAccounts accounts, MessagingCenters centers,
                               Outbox outbox, MessageQueue queue, SchedulingSettingsRepository scheduling,
                               StaffNames staff, Addressees addressees, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.centers = Objects.requireNonNull(centers, "centers");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.scheduling = Objects.requireNonNull(scheduling, "scheduling");
        this.staff = Objects.requireNonNull(staff, "staff");
        this.addressees = Objects.requireNonNull(addressees, "addressees");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void accept(AppointmentChanged changed) {
        AppointmentEvent event = changed.event();
        TenantId tenant = changed.tenant();
        Appointment appointment = changed.appointment();
        if (event instanceof AppointmentEvent.AppointmentBooked) {
            if (connected(tenant)) {
                queueFor(changed, changed.laterOccurrence() ? Optional.empty()
                        : Optional.of(MessagePurpose.CONFIRMATION), true);
            }
        } else if (event instanceof AppointmentEvent.AppointmentRescheduled) {
            skipPendingReminders(tenant, appointment, SkipReason.RESCHEDULED);
            if (connected(tenant)) {
                queueFor(changed, Optional.of(MessagePurpose.CHANGE), true);
            }
        } else if (event instanceof AppointmentEvent.AppointmentCancelled) {
            skipPendingReminders(tenant, appointment, SkipReason.APPOINTMENT_CANCELLED);
            if (connected(tenant)) {
                queueFor(changed, Optional.of(MessagePurpose.CANCELLATION), false);
            }
        }
    }

    private UnitReads reads() {
        return transactions.unitLocal(unitReads).orElseGet(UnitReads::new);
    }

    private boolean connected(TenantId tenant) {
        return reads().connected.computeIfAbsent(tenant, t -> accounts.find(t).isPresent());
    }

    /** The notice (due now), then the reminders at the center's offsets when {@code remind}. */
    private void queueFor(AppointmentChanged changed, Optional<MessagePurpose> notice, boolean remind) {
        TenantId tenant = changed.tenant();
        Appointment appointment = changed.appointment();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UnitReads reads = reads();
        Optional<Addressee> addressee = reads.addressees.computeIfAbsent(List.of(tenant, appointment.client()),
                k -> addressees.of(tenant, appointment.client()));
        Optional<SchedulingSettingsRepository.CenterWithService> read = reads.centers.computeIfAbsent(
                List.of(tenant, appointment.service()), k -> scheduling.centerWithService(tenant, appointment.service()));
        if (addressee.isEmpty() || read.isEmpty()) {
            // An erased client (its appointments are cancelled without a notice) or a center gone: no one to tell.
            return;
        }
        CenterProfile center = read.get().center().profile();
        // A center that never saved its scheduling settings speaks its country's language, as they would default to.
        Locale locale = read.get().center().settings().map(s -> s.locale())
                .orElseGet(() -> CountryLocales.of(center.country()));
        MessageFacts facts = new MessageFacts(addressee.get().fullName(), center.name(), center.timeZone(), locale,
                Optional.of(appointment.start()), read.get().service().map(Service::name),
                reads.staffNames.computeIfAbsent(List.of(tenant, appointment.professional()),
                        k -> staff.fullName(tenant, appointment.professional())),
                changed.manageLink().map(URI::toString));
        Optional<Locale> language = addressee.get().language();
        notice.ifPresent(purpose -> queue.queue(tenant, appointment.client(), Optional.of(appointment.id()), purpose,
                now, facts, language));
        if (remind) {
            MessagingSettings settings = reads.settings.computeIfAbsent(tenant,
                    t -> centers.find(t).orElseGet(MessagingSettings::defaults));
            List<Instant> at = settings.reminders().remindersFor(appointment.start(), center.timeZone(),
                    appointment.status().open(), now).stream().map(ReminderSchedule.Reminder::at).toList();
            queue.queueAll(tenant, appointment.client(), Optional.of(appointment.id()), MessagePurpose.REMINDER, at,
                    facts, language);
        }
    }

    /** Skips the appointment's reminders not yet sent (queued), page by page of its messages. */
    private void skipPendingReminders(TenantId tenant, Appointment appointment, SkipReason reason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PageRequest page = new PageRequest(PageRequest.MAX_LIMIT, Optional.empty());
        while (true) {
            Page<QueuedMessage> found = outbox.ofAppointment(tenant, appointment.id(), page);
            for (QueuedMessage m : found.items()) {
                if (m.state().purpose() == MessagePurpose.REMINDER && m.state().status() == MessageStatus.QUEUED) {
                    // Read again with the row locked: a dispatcher may have marked it sending meanwhile,
                    // and a reminder on its way is not skipped after the fact.
                    outbox.find(tenant, m.state().id())
                            .filter(locked -> locked.state().status() == MessageStatus.QUEUED)
                            .ifPresent(locked -> outbox.update(tenant, locked.state().skip(reason, now)));
                }
            }
            if (found.next().isEmpty()) {
                return;
            }
            page = new PageRequest(PageRequest.MAX_LIMIT, found.next());
        }
    }
}
