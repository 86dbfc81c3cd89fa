package com.qleven.host.harness;

import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.http.privacy.IncidentFixtures;
import com.qleven.host.http.scheduling.SchedulingFixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A center with one record of every kind a route can name (a client, a data-subject request, an
 * invitation, a member of each role, a session, a consent purpose, an incident that touched only
 * this center and its notification, a possible duplicate of the client booked online, an
 * issued invoice and a draft), made through the API, so the harnesses probe real resources
 * rather than ids that name nothing.
 */
record CenterFixture(Center center, String clientId, String requestId, String invitationId, String professionalId,
                     String professionalToken, String receptionistToken, String sessionId, String purposeCode,
                     String incidentId, String name, String serviceId, String roomId, String equipmentId,
                     String timeOffId, String bookableServiceId, String appointmentId,
                     String waitlistId, String duplicateId, String invoiceId, String draftInvoiceId) {
    /** The name every fixture gives one client, so a search that ignored the center would find both. */
    static final String SEARCHABLE = "Probe Searchable";

    static CenterFixture create(TestHost host, String name, String purposeCode, String operatorToken) {
        Center center = host.newCenter(name);
        // With a billing identity, so every read of the client also opens the center's finance key.
        String client = id(host.post("/v1/clients", Map.of("fullName", SEARCHABLE, "phone", "600 123 456",
                "notes", "Probe notes.", "billingIdentity", Map.of("name", "Probe Billing SL", "address",
                        "Calle Sonda 1", "taxId", "B00000000")), center.token()));
        String request = id(host.post("/v1/privacy/requests", Map.of("clientId", client, "type", "access",
                "note", "Probe note."), center.token()));
        String invitation = id(host.post("/v1/invitations",
                Map.of("email", TestHost.newEmail("probe"), "role", "receptionist"), center.token()));
        String professionalEmail = TestHost.newEmail("professional");
        String professional = id(host.post("/v1/users", TestHost.userBody(professionalEmail, "professional"),
                center.token()));
        String receptionistEmail = TestHost.newEmail("receptionist");
        id(host.post("/v1/users", TestHost.userBody(receptionistEmail, "receptionist"), center.token()));
        id(host.post("/v1/consent-purposes", Map.of("code", purposeCode, "description", "Probe purpose",
                "marketing", false), center.token()));
        // Its notice's version 1, which online booking offers.
        Reply notice = host.put("/v1/consent-purposes/" + purposeCode + "/notice", Map.of("text", "Probe purpose"),
                center.token());
        if (notice.status() != 200) {
            throw new AssertionError("notice not published: " + notice.status() + " " + notice.body());
        }
        String session = host.get("/v1/sessions", center.token()).json().get("items").get(0).get("id").asText();
        String incident = id(host.post("/v1/operator/incidents", IncidentFixtures.incident(
                host.clock.instant().minusSeconds(60).toString(), List.of(center.tenantId()), List.of("contact")),
                operatorToken));
        // The catalogue and a schedule: a tax rate of the center's own code (the purpose's), a room, a
        // machine, a service the professional performs, their hours and a time off.
        id(host.post("/v1/tax-rates", Map.of("code", purposeCode, "name", "Probe rate", "rate", "5.5"),
                center.token()));
        String room = id(host.post("/v1/rooms", Map.of("name", "Probe room"), center.token()));
        String equipment = id(host.post("/v1/equipment", Map.of("name", "Probe laser", "kind", "laser"),
                center.token()));
        String service = id(host.post("/v1/services", service(professional), center.token()));
        Reply hours = host.put("/v1/staff/" + professional + "/working-hours", Map.of("weekly", List.of(
                Map.of("day", "monday", "start", "09:00", "end", "14:00"))), center.token());
        if (hours.status() != 200) {
            throw new AssertionError("fixture hours not set: " + hours.status() + " " + hours.body());
        }
        String timeOff = id(host.post("/v1/staff/" + professional + "/time-off", timeOff(host), center.token()));
        // Bookings: the administrator treats clients every day from 07:00 to 22:00 (whoever has hours can
        // be booked), a 30-minute service anyone performs, one appointment and one waitlist entry.
        String bookable = SchedulingFixtures.service(host, center.tenantId());
        SchedulingFixtures.workEveryDay(host, center.tenantId(), center.adminId());
        String appointment = id(host.post("/v1/appointments", Map.of("clientId", client, "serviceId", bookable,
                "start", SchedulingFixtures.start(host, 3, 10, 0), "professionalId", center.adminId()),
                center.token()));
        String waitlist = id(host.post("/v1/waitlist", Map.of("clientId", client, "serviceId", bookable,
                "from", SchedulingFixtures.day(host, 3).toString(), "to", SchedulingFixtures.day(host, 5).toString()),
                center.token()));
        // An online booking sharing the client's phone (another email): a possible duplicate for staff.
        String slug = host.get("/v1/center", center.token()).json().get("slug").asText();
        Reply online = host.post("/v1/public/centers/" + slug + "/bookings", Map.of("serviceId", bookable,
                "start", SchedulingFixtures.start(host, 3, 12, 0), "professionalId", center.adminId(),
                "fullName", "Probe Online", "phone", "600 123 456", "email", TestHost.newEmail("online")));
        if (online.status() != 201) {
            throw new AssertionError("fixture not booked online: " + online.status() + " " + online.body());
        }
        String duplicate = host.get("/v1/client-duplicates", center.token()).json().get("items").get(0).get("id")
                .asText();
        // Billing: an issued invoice of the client and a draft.
        String invoice = id(host.post("/v1/invoices", invoice(client), center.token()));
        Reply issued = host.post("/v1/invoices/" + invoice + "/issue", Map.of(), center.token());
        if (issued.status() != 200) {
            throw new AssertionError("fixture invoice not issued: " + issued.status() + " " + issued.body());
        }
        String draft = id(host.post("/v1/invoices", invoice(client), center.token()));
        return new CenterFixture(center, client, request, invitation, professional,
                host.login(professionalEmail, TestHost.PASSWORD, null),
                host.login(receptionistEmail, TestHost.PASSWORD, null), session, purposeCode, incident, name, service,
                room, equipment, timeOff, bookable, appointment, waitlist, duplicate, invoice, draft);
    }

    /** A service body the center accepts: the professional performs it, at the exempt rate every center has. */
    static Map<String, Object> service(String professional) {
        return Map.of("name", "Probe facial", "durationMinutes", 45, "bufferAfterMinutes", 15, "price",
                Map.of("amountMinor", 4500, "currency", "EUR"), "taxRate", "exempt", "roomRequired", true,
                "equipmentKinds", List.of("laser"), "professionalIds", List.of(professional));
    }

    /** A draft invoice's body for the client: two lines at the rates every center has. */
    static Map<String, Object> invoice(String client) {
        return Map.of("clientId", client, "lines", List.of(
                Map.of("description", "Probe facial", "quantity", "1", "unitPrice",
                        Map.of("amountMinor", 4500, "currency", "EUR"), "taxRate", "exempt"),
                Map.of("description", "Probe cream", "quantity", "0.5", "unitPrice",
                        Map.of("amountMinor", 1999, "currency", "EUR"), "taxRate", "exempt")));
    }

    /** A time off starting tomorrow, by the host's clock. */
    static Map<String, Object> timeOff(TestHost host) {
        java.time.Instant start = host.clock.instant().plus(java.time.Duration.ofDays(1))
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        return Map.of("start", start.toString(), "end", start.plus(java.time.Duration.ofHours(4)).toString(),
                "reason", "Probe reason");
    }

    /** Everything of this center an answer to another center must never carry. */
    List<String> ids() {
        return List.of(center.tenantId(), center.adminId(), center.adminEmail(), clientId, requestId, invitationId,
                professionalId, sessionId, purposeCode, incidentId, serviceId, roomId, equipmentId, timeOffId,
                bookableServiceId, appointmentId, waitlistId, duplicateId, invoiceId, draftInvoiceId);
    }

    private static String id(Reply reply) {
        if (reply.status() != 201) {
            throw new AssertionError("fixture not created: " + reply.status() + " " + reply.body());
        }
        return reply.json().get("id") == null ? reply.json().toString() : reply.json().get("id").asText();
    }

    /**
     * A checksum of every row of every table, per table: a write that keeps the row count (an
     * update, a delete and an insert) still changes it. Rate-limit events are left out, since
     * counting failed attempts is the one write a refused request must make; {@code onlyTenant}
     * restricts each table that has a {@code tenant_id} to that center's rows (tables without
     * one are then left out).
     */
    static Map<String, String> checksums(TestHost host, String onlyTenant) {
        return checksums(host, onlyTenant, Map.of());
    }

    /** As {@link #checksums(TestHost, String)}, each table of {@code where} restricted by its SQL condition. */
    static Map<String, String> checksums(TestHost host, String onlyTenant, Map<String, String> where) {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection c = host.superuser(); Statement st = c.createStatement()) {
            List<String[]> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("""
                    SELECT t.table_schema, t.table_name,
                           EXISTS (SELECT 1 FROM information_schema.columns k WHERE k.table_schema = t.table_schema
                                   AND k.table_name = t.table_name AND k.column_name = 'tenant_id')
                    FROM information_schema.tables t
                    WHERE t.table_type = 'BASE TABLE' AND t.table_schema NOT IN ('pg_catalog', 'information_schema')
                      AND t.table_name <> 'flyway_schema_history'
                      AND t.table_schema || '.' || t.table_name <> 'directory.rate_events'
                    ORDER BY 1, 2""")) {
                while (rs.next()) {
                    tables.add(new String[] {rs.getString(1) + "." + rs.getString(2), rs.getString(3)});
                }
            }
            for (String[] table : tables) {
                boolean tenantScoped = "t".equals(table[1]) || "true".equals(table[1]);
                if (onlyTenant != null && !tenantScoped) {
                    continue;
                }
                List<String> conditions = new ArrayList<>();
                if (onlyTenant != null) {
                    conditions.add("tenant_id = ?");
                }
                if (where.containsKey(table[0])) {
                    conditions.add("(" + where.get(table[0]) + ")");
                }
                String sql = "SELECT count(*), md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) FROM "
                        + table[0] + " r" + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    if (onlyTenant != null) {
                        ps.setObject(1, UUID.fromString(onlyTenant));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        sums.put(table[0], rs.getLong(1) + ":" + rs.getString(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return sums;
    }
}
