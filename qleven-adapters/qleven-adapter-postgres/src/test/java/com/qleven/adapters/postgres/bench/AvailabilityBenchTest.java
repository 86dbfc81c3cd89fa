package com.qleven.adapters.postgres.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.adapters.postgres.PostgresSettings;
import com.qleven.adapters.postgres.testing.PostgresUseCases;
import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.domain.billing.Money;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.Actor;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.AppointmentStatus;
import com.qleven.domain.scheduling.Room;
import com.qleven.domain.scheduling.RoomId;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.scheduling.in.AvailabilityQuery;
import com.qleven.ports.scheduling.in.AvailabilityView;
import com.qleven.ports.scheduling.in.BookAppointmentCommand;
import com.qleven.ports.scheduling.out.StoredAppointment;
import com.qleven.ports.tenancy.in.AddUserCommand;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignUp.SignUpResult;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import com.qleven.ports.usecases.UseCasesFixture;
import com.qleven.ports.usecases.UseCasesSuiteBase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A measurement, not a check (docs/benchmarks.md, "Issue 9: availability and booking"): issue 9's
 * availability figure. A center with 30 professionals (Monday to Saturday, 08:00–20:00), 10 rooms
 * and 10,000 appointments over 60 days, seeded through the store's repositories in one unit of
 * work; then {@code qleven.scheduling().availability(...)} for one 60-minute service that needs a
 * room, over 7 days, across all professionals, timed against the bare SQL that fetches the same
 * busy intervals (the adapter's statement, through plain JDBC on one connection, as the same
 * unprivileged role under row-level security, in a transaction that sets the center first), and
 * against a fuller baseline that also sends, by plain JDBC, the reads the use case makes before it
 * (copied from the statements the use case sent, captured once). Warm-up, then N measured runs of
 * each, alternated, median and p90; then the statements of one search and of one booking with their
 * own time, the busy query's plan, and the use case and the busy query again after {@code ANALYZE}
 * of the holds (the seeding's rows are not in the statistics until autovacuum gets to them). Runs only with {@code -Dqleven.bench=true}:
 * <pre>QLEVEN_TEST_DB_URL=… mvn -B -q verify -pl qleven-adapters/qleven-adapter-postgres -am
 *   -Dtest=AvailabilityBenchTest -Dsurefire.failIfNoSpecifiedTests=false -Dqleven.bench=true</pre>
 */
@EnabledIfSystemProperty(named = "qleven.bench", matches = "true")
class AvailabilityBenchTest extends UseCasesSuiteBase {
    @RegisterExtension
    static final PostgresUseCases DB = new PostgresUseCases();

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    /** Monday 1 March 2027, 07:00 in Madrid: every seeded and searched day is after it. */
    private static final Instant NOW = Instant.parse("2027-03-01T06:00:00Z");
    private static final LocalDate FIRST_DAY = LocalDate.of(2027, 3, 2);
    private static final int PROFESSIONALS = 30;
    private static final int ROOMS = 10;
    private static final int APPOINTMENTS = 10_000;
    private static final int DAYS = 60;
    private static final LocalDate SEARCH_FROM = FIRST_DAY.plusDays(21);
    private static final LocalDate SEARCH_TO = SEARCH_FROM.plusDays(6);
    private static final int WARM = Integer.getInteger("qleven.bench.warm", 200);
    private static final int RUNS = Integer.getInteger("qleven.bench.runs", 500);
    private static final String PASSWORD = "correct horse battery";

    /** The adapter's busy-interval statement (PostgresAppointments.busy), with JDBC placeholders. */
    private static final String BUSY = """
            SELECT h.resource_id, h.kind, h.starts_at AS start_at, upper(h.during) AS end_at
            FROM unnest(CAST(? AS uuid[])) AS wanted(id)
            CROSS JOIN LATERAL (
                SELECT resource_id, kind, starts_at, during FROM public.appointment_resources
                WHERE tenant_id = ? AND active AND resource_id = wanted.id
                  AND starts_at >= ? AND starts_at < ?
                  AND during && tstzrange(?, ?, '[)') OFFSET 0) h""";

    @Override
    protected UseCasesFixture fixture() {
        return DB.fixture();
    }

    @Test
    void availabilityAgainstTheBareSql() throws Exception {
        QlevenStore store = newStore();
        MutableClock clock = new MutableClock(NOW);
        Qleven qleven = core(store).clock(clock).signupsPerAddressPerHour(1000).build();
        ClientInfo from = new ClientInfo("10.9.9.9", "bench", Optional.empty());

        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        SignUpResult signedUp = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica Bench").address("Calle 1").taxId("B1").country("ES").timeZone("Europe/Madrid")
                .currency("EUR").fullName("Ana Admin").email(adminEmail).password(PASSWORD).ageConfirmed(true)
                .client(from).build());
        TenantId tenant = signedUp.tenantId();
        Principal admin = signIn(qleven, adminEmail, from);
        List<UserId> pros = new ArrayList<>();
        for (int i = 0; i < PROFESSIONALS; i++) {
            pros.add(qleven.tenancy().addUser(admin, AddUserCommand.builder().fullName("Profesional " + i)
                    .email("pro-" + i + "-" + UUID.randomUUID() + "@example.com").role("professional")
                    .password(PASSWORD).ageConfirmed(true).build()).id());
        }
        ClientId client = qleven.clients().create(admin, CreateClientCommand.builder().fullName("Lucía Fernández")
                .phone("600 111 222").build()).id();
        ServiceId searched = new ServiceId(UUID.randomUUID());
        ServiceId seededService = new ServiceId(UUID.randomUUID());
        List<RoomId> rooms = new ArrayList<>();
        long seedStarted = System.nanoTime();
        int seeded = store.shared().transactions().inTenant(tenant, () -> {
            Money price = new Money(4500, Currency.getInstance("EUR"));
            store.scheduling().catalogue().addService(tenant, new Service(searched, "Tratamiento con cabina", 60, 0,
                    0, price, "general", true, Set.of(), Set.of(), true));
            store.scheduling().catalogue().addService(tenant, new Service(seededService, "Consulta", 60, 0, 0,
                    price, "general", false, Set.of(), Set.of(), true));
            for (int r = 0; r < ROOMS; r++) {
                RoomId room = new RoomId(UUID.randomUUID());
                store.scheduling().catalogue().addRoom(tenant, new Room(room, "Cabina " + r));
                rooms.add(room);
            }
            List<WeeklyHours.Entry> week = new ArrayList<>();
            for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday")) {
                week.add(new WeeklyHours.Entry(day, "08:00", "20:00"));
            }
            for (UserId pro : pros) {
                store.scheduling().staffSchedules().putWeekly(tenant, pro, WeeklyHours.parse(week), NOW);
            }
            return seed(store, tenant, admin.userId(), client, seededService, pros, rooms);
        });
        double seedSeconds = (System.nanoTime() - seedStarted) / 1e9;
        assertThat(seeded).isEqualTo(APPOINTMENTS);

        AvailabilityQuery query = new AvailabilityQuery(searched, SEARCH_FROM, SEARCH_TO, Optional.empty());
        AvailabilityView first = qleven.scheduling().availability(admin, query);
        assertThat(first.slots()).isNotEmpty();

        // The statements one search sends, and their own time, captured once (then switched off).
        AtomicBoolean capturing = new AtomicBoolean();
        List<String> statements = new ArrayList<>();
        AtomicLong sqlNanos = new AtomicLong();
        DB.store().instrument(jdbi -> jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                if (capturing.get()) {
                    statements.add(context.getRenderedSql().replaceAll("\\s+", " ").trim());
                    sqlNanos.addAndGet(context.getElapsedTime(ChronoUnit.NANOS));
                }
            }
        }));

        PostgresSettings settings = DB.settings();
        String database = settings.jdbcUrl().replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.ownerUser(),
                settings.ownerPassword())) {
            try (Statement st = c.createStatement()) {
                st.execute("SET ROLE \"" + database + "_app\"");
            }
            c.setAutoCommit(false);
            ZoneIdRange range = ZoneIdRange.of(SEARCH_FROM, SEARCH_TO);
            List<UUID> resources = new ArrayList<>();
            pros.forEach(p -> resources.add(p.value()));
            rooms.forEach(r -> resources.add(r.value()));
            Supplier<Integer> bare = () -> bareBusy(c, tenant, resources, range);
            int bareRows = bare.get();
            Supplier<Integer> fuller = () -> bareFuller(c, tenant, searched, resources, range);

            // Warm-up of all three, then measured runs alternated so that the load of other builds
            // falls on all three alike.
            for (int i = 0; i < WARM; i++) {
                qleven.scheduling().availability(admin, query);
                bare.get();
                fuller.get();
            }
            capturing.set(true);
            long captureStarted = System.nanoTime();
            qleven.scheduling().availability(admin, query);
            long captureNanos = System.nanoTime() - captureStarted;
            capturing.set(false);

            long[] useCase = new long[RUNS];
            long[] busyOnly = new long[RUNS];
            long[] full = new long[RUNS];
            int slots = 0;
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                slots = qleven.scheduling().availability(admin, query).slots().size();
                long t1 = System.nanoTime();
                bare.get();
                long t2 = System.nanoTime();
                fuller.get();
                long t3 = System.nanoTime();
                useCase[i] = t1 - t0;
                busyOnly[i] = t2 - t1;
                full[i] = t3 - t2;
            }
            StringBuilder report = new StringBuilder();
            report.append(String.format("AVAILABILITY BENCH: %d professionals, %d rooms, %d appointments over %d days"
                            + " (seeded in one unit of work in %.1f s); search of one 60-minute service needing a room,"
                            + " %s to %s, all professionals: %d slots; busy rows read: %d%n",
                    PROFESSIONALS, ROOMS, seeded, DAYS, seedSeconds, SEARCH_FROM, SEARCH_TO, slots, bareRows));
            report.append(String.format("warm-up %d runs of each, then %d measured runs of each, alternated; load"
                    + " average %s%n", WARM, RUNS, loadAverage()));
            report.append("| measure | median | p90 | mean |\n|---|---|---|---|\n");
            report.append(row("qleven.scheduling().availability(...)", useCase));
            report.append(row("bare SQL: the busy-interval query alone (JDBC, one transaction)", busyOnly));
            report.append(row("bare SQL: the use case's reads, same statements (JDBC, one transaction)", full));
            report.append(String.format("ratio of medians: use case / busy query %.2fx; use case / all its reads"
                    + " %.2fx%n", median(useCase) / median(busyOnly), median(useCase) / median(full)));
            report.append(String.format("one captured search: %d statements, %.2f ms in them (JDBI's own timing) of"
                    + " %.2f ms%n", statements.size(), sqlNanos.get() / 1e6, captureNanos / 1e6));
            for (String s : statements) {
                report.append("  ").append(s.length() > 160 ? s.substring(0, 160) + "…" : s).append('\n');
            }
            report.append("the busy-interval query's plan (EXPLAIN ANALYZE, BUFFERS; as the app role):\n");
            for (String line : explainBusy(c, tenant, resources, range)) {
                report.append("  ").append(line).append('\n');
            }
            // The same after ANALYZE of the holds (as the owner): the plan with fresh statistics,
            // which autovacuum would have gathered on its own some time after the seeding.
            try (Statement st = c.createStatement()) {
                st.execute("RESET ROLE");
                st.execute("ANALYZE public.appointment_resources");
                st.execute("SET ROLE \"" + database + "_app\"");
            }
            c.commit();
            for (int i = 0; i < WARM; i++) {
                qleven.scheduling().availability(admin, query);
                bare.get();
            }
            long[] useCaseAnalyzed = new long[RUNS];
            long[] busyAnalyzed = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                qleven.scheduling().availability(admin, query);
                long t1 = System.nanoTime();
                bare.get();
                long t2 = System.nanoTime();
                useCaseAnalyzed[i] = t1 - t0;
                busyAnalyzed[i] = t2 - t1;
            }
            report.append(String.format("after ANALYZE public.appointment_resources (same warm-up and runs; load"
                    + " average %s):%n", loadAverage()));
            report.append("| measure | median | p90 | mean |\n|---|---|---|---|\n");
            report.append(row("qleven.scheduling().availability(...)", useCaseAnalyzed));
            report.append(row("bare SQL: the busy-interval query alone (JDBC, one transaction)", busyAnalyzed));
            report.append(String.format("ratio of medians: use case / busy query %.2fx%n",
                    median(useCaseAnalyzed) / median(busyAnalyzed)));
            report.append("the busy-interval query's plan after ANALYZE:\n");
            for (String line : explainBusy(c, tenant, resources, range)) {
                report.append("  ").append(line).append('\n');
            }
            // One booking through the use case (bench/issue9.sh measures it over HTTP): its statements.
            statements.clear();
            sqlNanos.set(0);
            AvailabilityView.Slot free = first.slots().get(0);
            capturing.set(true);
            long bookStarted = System.nanoTime();
            qleven.scheduling().book(admin, new BookAppointmentCommand(client, searched, free.start(),
                    Optional.of(free.professional())));
            long bookNanos = System.nanoTime() - bookStarted;
            capturing.set(false);
            report.append(String.format("one booking through qleven.scheduling().book(...) (no HTTP, no"
                    + " authentication): %d statements, %.2f ms in them of %.2f ms%n", statements.size(),
                    sqlNanos.get() / 1e6, bookNanos / 1e6));
            for (String s : statements) {
                report.append("  ").append(s.length() > 160 ? s.substring(0, 160) + "…" : s).append('\n');
            }
            System.out.print(report);
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "availability-bench.txt"),
                    report.toString());
        }
    }

    /** The local dates as the instants the use case reads busy intervals over (one day either side). */
    private record ZoneIdRange(Instant earliest, Instant from, Instant to) {
        static ZoneIdRange of(LocalDate fromDay, LocalDate toDay) {
            Instant start = fromDay.atStartOfDay(MADRID).toInstant().minus(StoredAppointment.MAX_OCCUPIED);
            Instant end = toDay.plusDays(1).atStartOfDay(MADRID).toInstant().plus(StoredAppointment.MAX_OCCUPIED);
            return new ZoneIdRange(start.minus(StoredAppointment.MAX_OCCUPIED), start, end);
        }
    }

    /**
     * The seeded appointments: each working day, each professional has 6 or 7 hour-long appointments
     * at distinct hours between 08:00 and 20:00; every other one takes a room when one is free at that
     * hour. 10,000 in all, cut at the count.
     */
    private static int seed(QlevenStore store, TenantId tenant, UserId by, ClientId client, ServiceId service,
                            List<UserId> pros, List<RoomId> rooms) {
        Random random = new Random(9);
        int count = 0;
        Instant bookedAt = NOW.minus(Duration.ofDays(1));
        for (int d = 0; d < DAYS && count < APPOINTMENTS; d++) {
            LocalDate day = FIRST_DAY.plusDays(d);
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            boolean[][] roomTaken = new boolean[rooms.size()][12];
            for (UserId pro : pros) {
                List<Integer> hours = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
                java.util.Collections.shuffle(hours, random);
                int n = 6 + random.nextInt(2);
                for (int k = 0; k < n && count < APPOINTMENTS; k++) {
                    int hour = hours.get(k);
                    RoomId room = null;
                    if (count % 2 == 0) {
                        for (int r = 0; r < rooms.size(); r++) {
                            if (!roomTaken[r][hour]) {
                                roomTaken[r][hour] = true;
                                room = rooms.get(r);
                                break;
                            }
                        }
                    }
                    Instant start = day.atTime(LocalTime.of(8 + hour, 0)).atZone(MADRID).toInstant();
                    store.scheduling().appointments().add(new StoredAppointment(tenant,
                            new AppointmentId(UUID.randomUUID()), client, service, pro, room, List.of(), start,
                            start.plus(Duration.ofHours(1)), 0, 0, AppointmentStatus.BOOKED, bookedAt,
                            Optional.empty(), List.of(), null, bookedAt, Actor.staff(by), 1));
                    count++;
                }
            }
        }
        return count;
    }

    /** The busy-interval query alone, its rows read into instants as the adapter reads them. */
    private static int bareBusy(Connection c, TenantId tenant, List<UUID> resources, ZoneIdRange range) {
        try {
            setTenant(c, tenant);
            int rows = busy(c, tenant, resources, range);
            c.commit();
            return rows;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int busy(Connection c, TenantId tenant, List<UUID> resources, ZoneIdRange range)
            throws Exception {
        Map<UUID, List<Instant[]>> busy = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement(BUSY)) {
            bindBusy(c, q, tenant, resources, range);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    busy.computeIfAbsent((UUID) rs.getObject(1), k -> new ArrayList<>()).add(new Instant[] {
                            rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()});
                }
            }
        }
        return busy.values().stream().mapToInt(List::size).sum();
    }

    private static void bindBusy(Connection c, PreparedStatement q, TenantId tenant, List<UUID> resources,
                                 ZoneIdRange range) throws SQLException {
        q.setArray(1, c.createArrayOf("uuid", resources.toArray()));
        q.setObject(2, tenant.value());
        q.setTimestamp(3, Timestamp.from(range.earliest()));
        q.setTimestamp(4, Timestamp.from(range.to()));
        q.setTimestamp(5, Timestamp.from(range.from()));
        q.setTimestamp(6, Timestamp.from(range.to()));
    }

    /** PostgreSQL's plan of the busy-interval query with its timings, as the app role, in the center. */
    private static List<String> explainBusy(Connection c, TenantId tenant, List<UUID> resources, ZoneIdRange range)
            throws Exception {
        List<String> plan = new ArrayList<>();
        setTenant(c, tenant);
        try (PreparedStatement q = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + BUSY)) {
            bindBusy(c, q, tenant, resources, range);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
        }
        c.commit();
        return plan;
    }

    /**
     * The reads the use case makes, as plain JDBC with the same tables and keys, in one transaction:
     * the center and its settings, the service, the professionals' weekly hours, dated hours and time
     * off (one statement), the center's members, its rooms, and the busy intervals: the statements the
     * use case sends (the service's columns abbreviated to {@code *}). Rows are read, not mapped,
     * except the busy intervals, read into instants as in the busy-only baseline.
     */
    private static int bareFuller(Connection c, TenantId tenant, ServiceId service,
                                  List<UUID> resources, ZoneIdRange range) {
        Instant daysStart = SEARCH_FROM.atStartOfDay(MADRID).toInstant();
        Instant daysEnd = SEARCH_TO.plusDays(1).atStartOfDay(MADRID).toInstant();
        try {
            setTenant(c, tenant);
            int rows = 0;
            for (String[] read : FULLER) {
                try (PreparedStatement q = c.prepareStatement(read[1])) {
                    int i = 1;
                    for (char p : read[0].toCharArray()) {
                        switch (p) {
                            case 't' -> q.setObject(i++, tenant.value());
                            case 's' -> q.setObject(i++, service.value());
                            case 'f' -> q.setObject(i++, SEARCH_FROM);
                            case 'l' -> q.setObject(i++, SEARCH_TO);
                            case 'd' -> q.setTimestamp(i++, Timestamp.from(daysStart));
                            case 'e' -> q.setTimestamp(i++, Timestamp.from(daysEnd));
                            case 'x' -> q.setTimestamp(i++, Timestamp.from(daysStart.minus(Duration.ofDays(367))));
                            default -> throw new IllegalStateException(read[0]);
                        }
                    }
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                        }
                    }
                }
            }
            rows += busy(c, tenant, resources, range);
            c.commit();
            return rows;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parameter letters and statements of the fuller baseline, as the use case's adapters send them
     * (their columns and keys; see the captured list the test prints).
     */
    private static final List<String[]> FULLER = List.of(
            new String[] {"t", "SELECT tenant_id, name, address, tax_id, country, time_zone, currency, created_at"
                    + " FROM public.centers WHERE tenant_id = ?"},
            new String[] {"t", "SELECT slug, locale, slot_minutes, opening_weekly, closed_days::text[] AS closed_days,"
                    + " cancellation_window_hours, waitlist_offer_hold_minutes FROM public.scheduling_settings"
                    + " WHERE tenant_id = ?"},
            new String[] {"ts", "SELECT * FROM public.services WHERE tenant_id = ? AND id = ?"},
            new String[] {"ttfltedx", "SELECT 'weekly' AS part, user_id, weekly AS texts, NULL::date AS day,"
                    + " NULL::uuid AS id, NULL::timestamptz AS start_at, NULL::timestamptz AS end_at,"
                    + " NULL::bytea AS reason, NULL::timestamptz AS created_at"
                    + " FROM public.staff_weekly_hours WHERE tenant_id = ?"
                    + " UNION ALL SELECT 'exception', user_id, windows, day, NULL, NULL, NULL, NULL, NULL"
                    + " FROM public.staff_hour_exceptions WHERE tenant_id = ? AND day BETWEEN ? AND ?"
                    + " UNION ALL SELECT 'timeoff', user_id, NULL, NULL, id, start_at, end_at, reason, created_at"
                    + " FROM public.staff_time_off WHERE tenant_id = ? AND start_at < ? AND end_at > ?"
                    + " AND start_at > ?"},
            new String[] {"t", "SELECT tenant_id, user_id, role, created_at, active, pending FROM public.memberships"
                    + " WHERE tenant_id = ? ORDER BY created_at, user_id LIMIT 201"},
            new String[] {"t", "SELECT id, name FROM public.rooms WHERE tenant_id = ? ORDER BY name, id"});

    private static void setTenant(Connection c, TenantId tenant) throws Exception {
        try (PreparedStatement set = c.prepareStatement("SELECT set_config('qleven.tenant_id', ?, true)")) {
            set.setString(1, tenant.value().toString());
            try (ResultSet rs = set.executeQuery()) {
                rs.next();
            }
        }
    }

    private static String row(String name, long[] nanos) {
        return String.format("| %s | %.2f ms | %.2f ms | %.2f ms |%n", name, median(nanos) / 1e6,
                percentile(nanos, 0.9) / 1e6, Arrays.stream(nanos).average().orElse(0) / 1e6);
    }

    private static double median(long[] nanos) {
        return percentile(nanos, 0.5);
    }

    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
