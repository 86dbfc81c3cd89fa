package com.qleven.host.harness;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qleven.host.TestHost;
import com.qleven.host.http.scheduling.SchedulingFixtures;
import java.time.LocalDate;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.http.billing.BillingFixtures;
import com.qleven.host.http.privacy.IncidentFixtures;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The cross-tenant probe (policy P7), over every operation of the OpenAPI document. Two centers, A
 * and B, each hold one record of every kind (see {@link CenterFixture}); center A then calls each
 * route the way its recipe below says, and whatever it does, none of B's rows change. Each
 * operation has exactly one recipe in {@link #RECIPES}, one line or a few:
 * <ul>
 * <li>{@link #byId}: A names B's resource in the path and gets what it gets for an id that does not exist;</li>
 * <li>{@link #listing}: A's list or search answer carries A's own record (the control) and nothing of B's;</li>
 * <li>{@link #bodyId}: A names B's record in a body member and gets what it gets for an id that does not
 *     exist, the given status naming that member;</li>
 * <li>{@link QueryId}: as {@link #bodyId}, B's record named in a query parameter of a GET;</li>
 * <li>{@link #ownWrite}: A's write lands in A, B's rows unchanged;</li>
 * <li>{@link #operatorOnly}: a center's token is refused (403), the route is the platform's;</li>
 * <li>{@link #noCenterData}: the route reads or writes nothing of any center, and says why.</li>
 * </ul>
 * An operation without a recipe fails the build ({@link #everyOperationHasARecipe}), and so does a
 * recipe naming an operation the document no longer has.
 */
class CrossTenantProbeTest {
    private static final List<OpenApiRoutes.Operation> OPERATIONS = new OpenApiRoutes().operations();
    private static TestHost host;
    private static CenterFixture A;
    private static CenterFixture B;

    /** What center A does on one operation, and what must hold afterwards. */
    sealed interface Recipe permits ById, Listing, BodyId, QueryId, OwnWrite, OperatorOnly, NoCenterData, Public {
    }

    /**
     * The path's id names {@code theirs(B)}; A gets what a random id gets, B's record unchanged.
     * {@code control} is where B reads its own record (null: the path without its last verb);
     * {@code path}, when not null, is the operation's path with its other parameters filled in.
     */
    record ById(Function<CenterFixture, String> theirs, String body, String control, String path) implements Recipe {
        ById(Function<CenterFixture, String> theirs, String body) {
            this(theirs, body, null, null);
        }

        ById(Function<CenterFixture, String> theirs, String body, String control) {
            this(theirs, body, control, null);
        }
    }

    /** A's answer (GET, or POST with {@code body}) contains {@code own(A)} and none of B's ids. */
    record Listing(Function<CenterFixture, String> own, String query, Object body) implements Recipe {
    }

    /** {@code body(id)} names B's record in {@code field}: the same answer as a random id, {@code status}, the field named. */
    record BodyId(String field, Function<CenterFixture, String> theirs, Function<String, Map<String, Object>> body,
                  int status, boolean tokenless) implements Recipe {
    }

    /**
     * {@code query(id)} names B's record in the query parameter {@code field} of a GET: the same
     * answer as a random id, {@code status}, the field named.
     */
    record QueryId(String field, Function<CenterFixture, String> theirs, Function<String, String> query, int status)
            implements Recipe {
    }

    /** A writes with {@code body}, as {@code as(A)}: B's rows unchanged. */
    record OwnWrite(Function<CenterFixture, Object> body, Function<CenterFixture, String> as) implements Recipe {
    }

    /** A center's administrator sends a well-formed {@code body}: refused (403), whatever it names. */
    record OperatorOnly(Map<String, Object> body) implements Recipe {
    }

    record NoCenterData(String why) implements Recipe {
    }

    /**
     * A public route (no session: the slug or the manage link names the center): {@code probe} calls
     * it the way a page of center A would, naming B's records, and checks that it learns nothing of B.
     */
    record Public(Runnable probe) implements Recipe {
    }

    static Recipe byId(Function<CenterFixture, String> theirs) {
        return new ById(theirs, "{}");
    }

    static Recipe listing(Function<CenterFixture, String> own) {
        return new Listing(own, "", null);
    }

    static Recipe listing(Function<CenterFixture, String> own, Object searchBody) {
        return new Listing(own, "", searchBody);
    }

    static Recipe bodyId(String field, Function<CenterFixture, String> theirs,
                         Function<String, Map<String, Object>> body, int status) {
        return new BodyId(field, theirs, body, status, false);
    }

    static Recipe ownWrite(Function<CenterFixture, Object> body) {
        return new OwnWrite(body, f -> f.center().token());
    }

    static Recipe operatorOnly() {
        return new OperatorOnly(Map.of());
    }

    static Recipe operatorOnly(Map<String, Object> body) {
        return new OperatorOnly(body);
    }

    static Recipe noCenterData(String why) {
        return new NoCenterData(why);
    }

    /** Where B reads its own member's calendar-feed state: the control of the feed-link routes. */
    private static final String FEED_STATE = "/v1/staff/{userId}/calendar-feed";

    /** One recipe per operation of openapi.json, keyed "METHOD path". */
    static final Map<String, Recipe> RECIPES = Map.ofEntries(
            // Tenancy and sign-in
            entry("POST /v1/signup", noCenterData("creates a new center; it names none that exists")),
            entry("POST /v1/auth/login", new BodyId("tenantId", f -> f.center().tenantId(), tenant -> Map.of(
                    "email", A.center().adminEmail(), "password", TestHost.PASSWORD, "tenantId", tenant), 409, true)),
            entry("POST /v1/auth/logout", new OwnWrite(f -> "",
                    f -> host.login(f.center().adminEmail(), TestHost.PASSWORD, null))),
            entry("GET /v1/me", listing(f -> f.center().tenantId())),
            entry("POST /v1/users", ownWrite(f -> TestHost.userBody(TestHost.newEmail("probe"), "professional"))),
            entry("GET /v1/users", listing(CenterFixture::professionalId)),
            entry("GET /v1/users/{id}", byId(CenterFixture::professionalId)),
            entry("PATCH /v1/users/{id}", new ById(CenterFixture::professionalId, "{\"role\":\"receptionist\"}")),
            entry("POST /v1/invitations", ownWrite(f -> Map.of("email", TestHost.newEmail("probe"), "role",
                    "receptionist"))),
            entry("GET /v1/invitations", listing(CenterFixture::invitationId)),
            entry("GET /v1/invitations/{id}", byId(CenterFixture::invitationId)),
            entry("POST /v1/invitations/accept", noCenterData("the token names the invitation; a guessed one is "
                    + "refused (LifecycleBadInputTest)")),
            // One's own memberships, named by their center: another center's is answered as none.
            entry("GET /v1/me/memberships", listing(f -> f.center().tenantId())),
            entry("GET /v1/me/memberships/{id}", byId(f -> f.center().tenantId())),
            entry("POST /v1/me/memberships/{id}/accept", byId(f -> f.center().tenantId())),
            entry("POST /v1/me/memberships/{id}/decline", byId(f -> f.center().tenantId())),
            entry("POST /v1/memberships/accept", noCenterData("the token names the membership; a guessed one is "
                    + "refused like any unknown token")),
            entry("POST /v1/auth/password-reset", noCenterData("answers the same for any email; acts on an account")),
            entry("POST /v1/auth/password-reset/confirm", noCenterData("the token names the account")),
            entry("POST /v1/auth/password", new OwnWrite(f -> Map.of("currentPassword", "not the password",
                    "newPassword", "another horse battery staple"), CenterFixture::receptionistToken)),
            entry("GET /v1/sessions", listing(CenterFixture::sessionId)),
            entry("GET /v1/sessions/{id}", byId(CenterFixture::sessionId)),
            entry("DELETE /v1/sessions/{id}", byId(CenterFixture::sessionId)),
            // Audit
            entry("GET /v1/audit/verify", listing(f -> f.center().tenantId())),
            entry("GET /v1/audit/events", new Listing(CenterFixture::clientId, "?limit=200", null)),
            // Operations
            entry("GET /health/live", noCenterData("the process's liveness")),
            entry("GET /health/ready", noCenterData("the database's readiness")),
            entry("GET /openapi.json", noCenterData("the contract")),
            // Meta's webhook: no session; the verify token and the body's signature are the credentials.
            entry("GET /webhooks/whatsapp", noCenterData("Meta's handshake: echoes a challenge for the verify token")),
            entry("POST /webhooks/whatsapp", noCenterData("Meta's signed POST, kept in the global inbox; a status "
                    + "reaches a center only through the phone-number id it was connected with, in the job")),
            // Clients
            entry("POST /v1/clients", ownWrite(f -> Map.of("fullName", CenterFixture.SEARCHABLE))),
            entry("GET /v1/clients", new Listing(CenterFixture::clientId, "?limit=100", null)),
            entry("POST /v1/clients/search", listing(CenterFixture::clientId,
                    Map.of("name", CenterFixture.SEARCHABLE))),
            entry("GET /v1/clients/{id}", byId(CenterFixture::clientId)),
            entry("PATCH /v1/clients/{id}", new ById(CenterFixture::clientId,
                    "{\"notes\":\"Rewritten by A.\",\"billingIdentity\":{\"name\":\"Billed by A\"}}")),
            // Consent
            entry("POST /v1/clients/{id}/consents", new ById(CenterFixture::clientId, TestHost.write(Map.of(
                    "purpose", "marketing", "decision", "grant", "channel", "paper", "textVersion", "v1",
                    "text", "I agree.")))),
            entry("GET /v1/clients/{id}/consents", byId(CenterFixture::clientId)),
            entry("POST /v1/clients/{id}/lift-restriction", new ById(CenterFixture::clientId,
                    "{\"reason\":\"Lifted by the probe.\"}")),
            // Possible duplicates: B's flag reads as none of A's; B's own list is its control.
            entry("GET /v1/client-duplicates", listing(CenterFixture::duplicateId)),
            entry("POST /v1/client-duplicates/{id}/dismiss", new ById(CenterFixture::duplicateId, "",
                    "/v1/client-duplicates")),
            entry("POST /v1/consent-purposes", ownWrite(f -> Map.of("code", "probe_" + UUID.randomUUID()
                    .toString().substring(0, 8), "description", "Probe", "marketing", false))),
            entry("GET /v1/consent-purposes", listing(CenterFixture::purposeCode)),
            // B's purpose code in the path: the 404 of a code no center has; B still reads its notices.
            entry("PUT /v1/consent-purposes/{code}/notice", new ById(CenterFixture::purposeCode,
                    "{\"text\":\"Probe notice by A\"}", "/v1/consent-purposes/{code}/notices")),
            entry("GET /v1/consent-purposes/{code}/notices", new ById(CenterFixture::purposeCode, "{}",
                    "/v1/consent-purposes/{code}/notices")),
            // Data-subject rights
            entry("POST /v1/privacy/requests", bodyId("clientId", CenterFixture::clientId,
                    client -> Map.of("clientId", client, "type", "access"), 422)),
            entry("GET /v1/privacy/requests", listing(CenterFixture::requestId)),
            entry("GET /v1/privacy/requests/{id}", byId(CenterFixture::requestId)),
            entry("POST /v1/privacy/requests/{id}/complete", new ById(CenterFixture::requestId,
                    "{\"outcome\":\"Answered by A.\"}")),
            entry("POST /v1/privacy/requests/{id}/extend", new ById(CenterFixture::requestId,
                    "{\"months\":1,\"reason\":\"Extended by A.\"}")),
            entry("GET /v1/clients/{id}/export", byId(CenterFixture::clientId)),
            // Incidents and notices
            entry("POST /v1/operator/incidents", operatorOnly(Map.of("detectedAt", "2026-11-02T10:00:00Z",
                    "description", "Probe", "tenantIds", List.of(UUID.randomUUID().toString()),
                    "categories", List.of("contact")))),
            entry("GET /v1/operator/incidents", operatorOnly()),
            entry("GET /v1/incidents", listing(CenterFixture::incidentId)),
            entry("GET /v1/incidents/{id}", byId(CenterFixture::incidentId)),
            // A notification of an incident names the incident as its subject.
            entry("GET /v1/notifications", listing(CenterFixture::incidentId)),
            entry("GET /v1/privacy/subprocessors", noCenterData("the platform's sub-processors, the same for all")),
            entry("POST /v1/operator/subprocessors", operatorOnly(Map.of("name", "Probe", "purpose", "Probe",
                    "region", "European Union", "transferSafeguard", "Processed in the European Union"))),
            entry("PATCH /v1/operator/subprocessors/{id}", operatorOnly()),
            entry("POST /v1/operator/policy-versions", operatorOnly(Map.of("version", "probe-1", "text", "Probe",
                    "effectiveAt", "2026-11-02T10:00:00Z"))),
            entry("GET /v1/me/notifications", noCenterData("the platform's policy notices to the account")),
            entry("POST /v1/policy-versions/{version}/accept", noCenterData("a policy version is the platform's; "
                    + "the acceptance is the account's")),
            entry("GET /v1/policy-versions/current", noCenterData("the platform's current policy")),
            // Scheduling and tax rates
            entry("GET /v1/center", listing(CenterFixture::name)),
            entry("PATCH /v1/center", ownWrite(f -> Map.of("cancellationWindowHours", 12))),
            entry("GET /v1/tax-rates", listing(CenterFixture::purposeCode)),
            entry("POST /v1/tax-rates", ownWrite(f -> Map.of("code", "p" + UUID.randomUUID().toString()
                    .substring(0, 8), "name", "Probe", "rate", "7.5"))),
            entry("POST /v1/tax-rates/{code}/retire", new ById(CenterFixture::purposeCode, "", "/v1/tax-rates")),
            // Billing: B's invoices by id, in a body, in a list; A's series check counts A's only.
            entry("POST /v1/invoices", bodyId("clientId", CenterFixture::clientId, CenterFixture::invoice, 422)),
            entry("GET /v1/invoices", listing(CenterFixture::invoiceId)),
            entry("GET /v1/invoices/{id}", byId(CenterFixture::invoiceId)),
            entry("PATCH /v1/invoices/{id}", new ById(CenterFixture::draftInvoiceId, "{\"lines\":[{\"description\":"
                    + "\"By A\",\"quantity\":\"1\",\"unitPrice\":{\"amountMinor\":1,\"currency\":\"EUR\"},"
                    + "\"taxRate\":\"exempt\"}]}", "/v1/invoices/{id}")),
            entry("DELETE /v1/invoices/{id}", new ById(CenterFixture::draftInvoiceId, "", "/v1/invoices/{id}")),
            entry("POST /v1/invoices/{id}/issue", byId(CenterFixture::draftInvoiceId)),
            entry("POST /v1/invoices/{id}/credit-notes", new ById(CenterFixture::invoiceId,
                    "{\"full\":true,\"reason\":\"Credited by A\"}")),
            entry("GET /v1/invoice-series/{series}/verify", new Public(CrossTenantProbeTest::ownSeriesOnly)),
            // Packages: B's package, client and client package by id and in a body; lists and the
            // liability report carry A's own package only.
            entry("POST /v1/packages", bodyId("serviceIds[0]", CenterFixture::serviceId,
                    CenterFixture::prepaidPackage, 422)),
            entry("GET /v1/packages", listing(CenterFixture::packageId)),
            entry("GET /v1/packages/{id}", byId(CenterFixture::packageId)),
            entry("POST /v1/packages/{id}/retire", byId(CenterFixture::packageId)),
            entry("POST /v1/clients/{id}/packages", new ById(CenterFixture::clientId,
                    "{\"packageId\":\"" + UUID.randomUUID() + "\"}")),
            entry("GET /v1/clients/{id}/packages", byId(CenterFixture::clientId)),
            entry("GET /v1/client-packages/{id}", byId(CenterFixture::clientPackageId)),
            entry("POST /v1/client-packages/{id}/refund", new ById(CenterFixture::clientPackageId,
                    "{\"reason\":\"Refunded by A.\"}")),
            entry("GET /v1/reports/package-liability", listing(CenterFixture::packageId)),
            entry("GET /v1/billing-settings", listing(f -> "priceBasis")),
            entry("PUT /v1/billing-settings", ownWrite(f -> Map.of("priceBasis", "tax_included"))),
            entry("GET /v1/whatsapp/settings", listing(f -> "sendsPerSecond")),
            // Messages: B's uncertain message is none of A's to resend; A's worklist lists its own only.
            entry("GET /v1/messages", new Listing(f -> MessagingProbe.uncertain(host, f), "?status=uncertain", null)),
            entry("POST /v1/messages/{id}/resend", new ById(f -> MessagingProbe.uncertain(host, f), "",
                    "/v1/messages?status=uncertain")),
            // Campaigns (issue 12): B's campaign is not found; B's template named in A's body is a 422 as an
            // unknown one is (a campaign never names another center's clients: CampaignsEndToEndTest).
            entry("POST /v1/campaigns", bodyId("templateId", f -> MessagingProbe.marketingTemplate(host, f),
                    template -> Map.of("name", "Probe", "templateId", template, "segment",
                            Map.of("clientIds", List.of(A.clientId()))), 422)),
            entry("GET /v1/campaigns", listing(f -> MessagingProbe.campaign(host, f))),
            entry("GET /v1/campaigns/{id}", byId(f -> MessagingProbe.campaign(host, f))),
            entry("GET /v1/campaigns/{id}/recipients", byId(f -> MessagingProbe.campaign(host, f))),
            entry("POST /v1/campaigns/{id}/cancel", new ById(f -> MessagingProbe.campaign(host, f), "")),
            // Devices (issue 13): B's device is not found, whatever A does with it; B's equipment named in A's
            // registration is a 422 naming equipmentId, as an unknown one is.
            entry("POST /v1/devices", bodyId("equipmentId", CenterFixture::equipmentId,
                    equipment -> Map.of("name", "Probe", "equipmentId", equipment, "model", "M22"), 422)),
            entry("GET /v1/devices", listing(f -> DevicesProbe.device(host, f))),
            entry("GET /v1/devices/{id}", byId(f -> DevicesProbe.device(host, f))),
            entry("POST /v1/devices/{id}/credentials/rotate", new ById(f -> DevicesProbe.device(host, f), "",
                    "/v1/devices/{id}")),
            entry("POST /v1/devices/{id}/revoke", new ById(f -> DevicesProbe.device(host, f), "")),
            // B's device in the path of a command, a command read or the maintenance rules: not found.
            entry("POST /v1/devices/{id}/commands", new ById(f -> DevicesProbe.device(host, f),
                    "{\"type\":\"stop\",\"expiresInSeconds\":60}")),
            entry("GET /v1/devices/{id}/commands", byId(f -> DevicesProbe.device(host, f))),
            entry("GET /v1/devices/{id}/commands/{commandId}", new ById(f -> DevicesProbe.device(host, f), "",
                    "/v1/devices/{id}")),
            entry("GET /v1/devices/{id}/maintenance-rules", byId(f -> DevicesProbe.device(host, f))),
            entry("PUT /v1/devices/{id}/maintenance-rules", new ById(f -> DevicesProbe.device(host, f),
                    "{\"anyFault\":true}")),
            // B's appointment: its session reads as one that does not exist.
            entry("GET /v1/appointments/{id}/treatment-session", byId(CenterFixture::appointmentId)),
            // Conversations: B's client and B's contact read as ones that do not exist.
            entry("GET /v1/clients/{id}/conversation", byId(CenterFixture::clientId)),
            entry("POST /v1/clients/{id}/conversation", new ById(CenterFixture::clientId, "{\"text\":\"Hola\"}")),
            entry("GET /v1/whatsapp/contacts", new Listing(f -> MessagingProbe.contact(host, f), "?status=shared",
                    null)),
            entry("POST /v1/whatsapp/contacts/{id}/attribute", new ById(f -> MessagingProbe.contact(host, f),
                    "{\"clientId\":\"" + UUID.randomUUID() + "\"}", "/v1/whatsapp/contacts?status=shared")),
            entry("PUT /v1/whatsapp/settings", ownWrite(f -> Map.of("reminderOffsets", List.of("PT3H"),
                    "sendsPerSecond", 20, "contentRetentionDays", 30))),
            entry("POST /v1/services", bodyId("professionalIds[0]", CenterFixture::professionalId,
                    CenterFixture::service, 422)),
            entry("GET /v1/services", listing(CenterFixture::serviceId)),
            entry("GET /v1/services/{id}", byId(CenterFixture::serviceId)),
            entry("PATCH /v1/services/{id}", new ById(CenterFixture::serviceId, "{\"name\":\"Renamed by A\"}")),
            entry("POST /v1/rooms", ownWrite(f -> Map.of("name", "Probe room"))),
            entry("GET /v1/rooms", listing(CenterFixture::roomId)),
            entry("POST /v1/equipment", ownWrite(f -> Map.of("name", "Probe laser", "kind", "laser"))),
            entry("GET /v1/equipment", listing(CenterFixture::equipmentId)),
            entry("PATCH /v1/equipment/{id}", new ById(CenterFixture::equipmentId, "{\"status\":\"maintenance\"}",
                    "/v1/equipment")),
            entry("PUT /v1/staff/{userId}/working-hours", new ById(CenterFixture::professionalId,
                    "{\"weekly\":[{\"day\":\"friday\",\"start\":\"10:00\",\"end\":\"12:00\"}]}",
                    "/v1/staff/{userId}/working-hours")),
            entry("PUT /v1/staff/{userId}/exceptions/{date}", new ById(CenterFixture::professionalId,
                    "{\"windows\":[]}", "/v1/staff/{userId}/working-hours", "/v1/staff/{userId}/exceptions/2030-01-07")),
            entry("GET /v1/staff/{userId}/working-hours", new ById(CenterFixture::professionalId, "{}",
                    "/v1/staff/{userId}/working-hours")),
            entry("POST /v1/staff/{userId}/time-off", new ById(CenterFixture::professionalId,
                    "{\"start\":\"2030-01-07T09:00:00+01:00\",\"end\":\"2030-01-07T13:00:00+01:00\","
                    + "\"reason\":\"Probe\"}", "/v1/staff/{userId}/time-off")),
            entry("GET /v1/staff/{userId}/time-off", new ById(CenterFixture::professionalId, "{}",
                    "/v1/staff/{userId}/time-off")),
            // Appointments and the waitlist
            entry("GET /v1/availability", new QueryId("serviceId", CenterFixture::serviceId, service ->
                    "?serviceId=" + service + "&from=" + SchedulingFixtures.day(host, 1) + "&to="
                            + SchedulingFixtures.day(host, 7), 422)),
            entry("POST /v1/appointments", bodyId("clientId", CenterFixture::clientId, client -> Map.of(
                    "clientId", client, "serviceId", A.bookableServiceId(), "start", SchedulingFixtures.start(host, 4, 11, 0)),
                    422)),
            entry("GET /v1/appointments", new Listing(CenterFixture::appointmentId, "?from="
                    + LocalDate.now(SchedulingFixtures.MADRID) + "&to=" + LocalDate.now(SchedulingFixtures.MADRID)
                    .plusDays(30), null)),
            entry("GET /v1/appointments/{id}", byId(CenterFixture::appointmentId)),
            entry("POST /v1/appointments/{id}/confirm", byId(CenterFixture::appointmentId)),
            entry("POST /v1/appointments/{id}/check-in", byId(CenterFixture::appointmentId)),
            entry("POST /v1/appointments/{id}/complete", byId(CenterFixture::appointmentId)),
            entry("POST /v1/appointments/{id}/no-show", byId(CenterFixture::appointmentId)),
            entry("POST /v1/appointments/{id}/cancel", new ById(CenterFixture::appointmentId,
                    "{\"reason\":\"Cancelled by A.\"}")),
            entry("POST /v1/appointments/{id}/reschedule", new ById(CenterFixture::appointmentId,
                    TestHost.write(Map.of("start", SchedulingFixtures.start(4, 12, 0))))),
            entry("POST /v1/appointment-series", bodyId("clientId", CenterFixture::clientId, client -> Map.of(
                    "clientId", client, "serviceId", A.bookableServiceId(), "start", SchedulingFixtures.start(host, 20, 11, 0),
                    "everyWeeks", 1, "count", 3), 422)),
            entry("POST /v1/waitlist", bodyId("clientId", CenterFixture::clientId, client -> Map.of(
                    "clientId", client, "serviceId", A.bookableServiceId(), "from", SchedulingFixtures.day(host, 1).toString(),
                    "to", SchedulingFixtures.day(host, 3).toString()), 422)),
            entry("GET /v1/waitlist", listing(CenterFixture::waitlistId)),
            entry("GET /v1/waitlist/{id}", byId(CenterFixture::waitlistId)),
            entry("POST /v1/waitlist/{id}/accept", byId(CenterFixture::waitlistId)),
            entry("POST /v1/waitlist/{id}/decline", byId(CenterFixture::waitlistId)),
            entry("POST /v1/waitlist/{id}/withdraw", byId(CenterFixture::waitlistId)),
            entry("GET /v1/appointment-series/{id}", byId(f -> seriesOfB())),
            // Online booking: A's slug with B's records named, and manage links that name nothing
            entry("GET /v1/public/centers/{slug}/services", new Public(() -> {
                Reply page = host.get("/v1/public/centers/" + slug(A) + "/services");
                assertThat(page.status()).isEqualTo(200);
                assertThat(page.body()).as("A's page lists A's service (the control)").contains(A.bookableServiceId());
                assertThat(B.ids()).allSatisfy(theirs -> assertThat(page.body()).doesNotContain(theirs));
            })),
            entry("GET /v1/public/centers/{slug}/availability", new Public(() -> sameAsMissing(
                    id -> host.get("/v1/public/centers/" + slug(A) + "/availability?serviceId=" + id + "&from="
                            + SchedulingFixtures.day(host, 1) + "&to=" + SchedulingFixtures.day(host, 7)),
                    B.bookableServiceId(), "serviceId"))),
            entry("POST /v1/public/centers/{slug}/bookings", new Public(() -> {
                sameAsMissing(id -> host.post("/v1/public/centers/" + slug(A) + "/bookings",
                        publicBooking(id, A.center().adminId(), A.purposeCode())), B.bookableServiceId(), "serviceId");
                sameAsMissing(id -> host.post("/v1/public/centers/" + slug(A) + "/bookings",
                        publicBooking(A.bookableServiceId(), id, A.purposeCode())), B.center().adminId(),
                        "professionalId");
                sameAsMissing(code -> host.post("/v1/public/centers/" + slug(A) + "/bookings",
                        publicBooking(A.bookableServiceId(), A.center().adminId(), code)), B.purposeCode(),
                        "consents[0]");
            })),
            entry("GET /v1/public/bookings/{token}", new Public(() -> unknownToken("GET", ""))),
            entry("POST /v1/public/bookings/{token}/confirm", new Public(() -> unknownToken("POST", "/confirm"))),
            entry("POST /v1/public/bookings/{token}/cancel", new Public(() -> unknownToken("POST", "/cancel"))),
            entry("POST /v1/public/bookings/{token}/reschedule", new Public(() ->
                    unknownToken("POST", "/reschedule"))),
            // Scheduling: members' calendar feeds. B's professional reads as none of A's members.
            entry("POST /v1/staff/{userId}/calendar-feed", new ById(CenterFixture::professionalId, "", FEED_STATE)),
            entry("GET /v1/staff/{userId}/calendar-feed", new ById(CenterFixture::professionalId, "", FEED_STATE)),
            entry("DELETE /v1/staff/{userId}/calendar-feed", new ById(CenterFixture::professionalId, "",
                    FEED_STATE)),
            entry("GET /v1/calendar/{feed}", noCenterData("no session: the link's token is the credential and names "
                    + "the member and center; an unknown or revoked one answers 404 (CalendarFeedApiTest)")),
            // Payments: B's invoice and appointment read as none; A's cash report sums A's one payment only
            // (B's, in cash too, would change both A's cash total and A's total).
            entry("POST /v1/invoices/{id}/payments", new ById(CrossTenantProbeTest::paidInvoice,
                    TestHost.write(BillingFixtures.payment("cash", 1)))),
            entry("GET /v1/invoices/{id}/payments", byId(CrossTenantProbeTest::paidInvoice)),
            entry("POST /v1/appointments/{id}/deposit", new ById(CenterFixture::appointmentId,
                    TestHost.write(BillingFixtures.payment("card", 1)))),
            entry("GET /v1/appointments/{id}/deposits", byId(CenterFixture::appointmentId)),
            entry("GET /v1/reports/cash", new Listing(f -> "\"total\":{\"count\":1,\"amount\":{\"amountMinor\":"
                    + CrossTenantProbeTest.CASH_PAID.get(f.center().tenantId()) + ",",
                    "?date=" + LocalDate.now(SchedulingFixtures.MADRID), null)),
            // WhatsApp: each center's number and templates at the fake Graph API. A connecting, or signing
            // up, B's phone-number id is refused before Meta is called and changes nothing of B's; B's
            // template id answers A as a random one does.
            entry("GET /v1/whatsapp/account", listing(f -> CrossTenantProbeTest.WHATSAPP.get(f.center().tenantId()).phoneNumberId())),
            entry("PUT /v1/whatsapp/account", ownWrite(f -> CrossTenantProbeTest.whatsAppBody(CrossTenantProbeTest.WHATSAPP.get(B.center().tenantId())
                    .phoneNumberId(), CrossTenantProbeTest.WHATSAPP.get(f.center().tenantId()).wabaId()))),
            entry("POST /v1/whatsapp/account/embedded-signup", ownWrite(f -> Map.of("code", "probe-code",
                    "wabaId", CrossTenantProbeTest.WHATSAPP.get(f.center().tenantId()).wabaId(),
                    "phoneNumberId", CrossTenantProbeTest.WHATSAPP.get(B.center().tenantId()).phoneNumberId()))),
            entry("POST /v1/whatsapp/templates/sync", ownWrite(f -> "")),
            entry("GET /v1/whatsapp/templates", listing(f -> CrossTenantProbeTest.WHATSAPP.get(f.center().tenantId()).templateId())),
            entry("GET /v1/whatsapp/templates/{id}", byId(f -> CrossTenantProbeTest.WHATSAPP.get(f.center().tenantId()).templateId())),
            entry("PATCH /v1/whatsapp/templates/{id}", new ById(f -> CrossTenantProbeTest.WHATSAPP.get(f.center().tenantId()).templateId(),
                    "{\"purpose\":\"reminder\",\"parameters\":[{\"component\":\"body\",\"source\":"
                            + "\"client.first_name\"}]}")),
            entry("POST /v1/whatsapp/templates", ownWrite(f -> Map.of("name", "probe_" + UUID.randomUUID().toString()
                    .substring(0, 8), "language", "es", "category", "UTILITY", "components", List.of(Map.of(
                            "type", "BODY", "text", "Hola {{1}}"))))));

    /** A center's number and template at the fake Graph API. */
    record WhatsApp(String phoneNumberId, String wabaId, String token, String templateId) {
    }

    private static final Map<String, WhatsApp> WHATSAPP = new java.util.concurrent.ConcurrentHashMap<>();
    private static com.qleven.host.whatsapp.FakeGraphApi graph;

    private static Map<String, Object> whatsAppBody(String phoneNumberId, String wabaId) {
        return Map.of("phoneNumberId", phoneNumberId, "wabaId", wabaId, "accessToken", "EAAG-probe-"
                + UUID.randomUUID(), "displayPhoneNumber", "+34 600 000 002");
    }

    /** Connects the center's number and syncs one approved template of its own business account. */
    private static void whatsApp(CenterFixture f, String phoneNumberId, String wabaId) {
        String token = "EAAG-probe-" + wabaId;
        graph.acceptToken(token);
        graph.addTemplate(wabaId, "probe_reminder_" + wabaId, "es", "UTILITY", "APPROVED",
                "[{\"type\":\"BODY\",\"text\":\"Hola {{1}}\"}]");
        Map<String, Object> body = Map.of("phoneNumberId", phoneNumberId, "wabaId", wabaId, "accessToken", token,
                "displayPhoneNumber", "+34 600 000 003");
        assertThat(host.put("/v1/whatsapp/account", body, f.center().token()).status()).isEqualTo(200);
        Reply synced = host.post("/v1/whatsapp/templates/sync", "", f.center().token());
        assertThat(synced.status()).as(synced.body()).isEqualTo(200);
        String template = host.get("/v1/whatsapp/templates", f.center().token()).json().get("items").get(0)
                .get("id").asText();
        WHATSAPP.put(f.center().tenantId(), new WhatsApp(phoneNumberId, wabaId, token, template));
    }

    /** What each center's one payment was, in cash: A's and B's differ. */
    private static final Map<String, Long> CASH_PAID = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, String> PAID_INVOICES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The fixture's issued invoice with one cash payment on it, made once (in {@link #start}). */
    private static String paidInvoice(CenterFixture f) {
        return PAID_INVOICES.computeIfAbsent(f.center().tenantId(), tenant -> {
            long amount = f == A ? 1234 : 2345;
            String invoice = f.invoiceId();
            Reply paid = host.post("/v1/invoices/" + invoice + "/payments", BillingFixtures.payment("cash", amount),
                    f.center().token());
            assertThat(paid.status()).as(paid.body()).isEqualTo(201);
            CASH_PAID.put(tenant, amount);
            return invoice;
        });
    }

    /**
     * A's check of its own series counts A's invoices only: the two the fixture issued (an invoice and
     * its package's sale), whatever B issued.
     */
    private static void ownSeriesOnly() {
        String number = host.get("/v1/invoices/" + A.invoiceId(), A.center().token()).json().get("number").asText();
        Reply check = host.get("/v1/invoice-series/" + number.substring(0, 5) + "/verify", A.center().token());
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        assertThat(check.json().get("count").asLong()).isEqualTo(2);
        assertThat(check.json().get("verified").asBoolean()).isTrue();
    }

    private static String slug(CenterFixture f) {
        return host.get("/v1/center", f.center().token()).json().get("slug").asText();
    }

    private static Map<String, Object> publicBooking(String service, String professional, String purpose) {
        return Map.of("serviceId", service, "start", SchedulingFixtures.start(host, 5, 11, 0), "professionalId",
                professional, "fullName", "Probe Person", "phone", "622 123 456", "consents",
                List.of(Map.of("purpose", purpose, "textVersion", "1")));
    }

    /** Naming B's record gets what naming nothing gets: a 422 naming {@code field}. */
    private static void sameAsMissing(Function<String, Reply> call, String theirs, String field) {
        Reply foreign = call.apply(theirs);
        Reply missing = call.apply(field.startsWith("consents") ? "probe_" + UUID.randomUUID().toString()
                .substring(0, 8) : UUID.randomUUID().toString());
        assertThat(foreign.status()).as("naming B's record in " + field + ": " + foreign.body()).isEqualTo(422);
        assertThat(withoutRequestId(foreign.json())).isEqualTo(withoutRequestId(missing.json()));
        assertThat(foreign.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
    }

    /** A well-formed token that names no link is a 404 that carries nothing. */
    private static void unknownToken(String method, String verb) {
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                UUID.randomUUID().toString().substring(0, 32).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Reply reply = send(method, "/v1/public/bookings/" + token + verb,
                verb.equals("/reschedule") ? "{\"start\":\"2030-01-07T10:00:00+01:00\"}"
                        : verb.equals("/cancel") ? "{}" : "", null);
        assertThat(reply.status()).as(method + " " + verb + ": " + reply.body()).isEqualTo(404);
        assertThat(B.ids()).allSatisfy(theirs -> assertThat(reply.body()).doesNotContain(theirs));
    }

    /** A series of center B, booked before the probes (a recipe must not change B's rows itself). */
    private static String seriesOfB;

    private static String seriesOfB() {
        return seriesOfB;
    }

    /** A new series of the center's own, through its own token: its id. */
    private static String newSeries(CenterFixture f) {
        Reply made = host.post("/v1/appointment-series", Map.of("clientId", f.clientId(), "serviceId",
                f.bookableServiceId(), "start", SchedulingFixtures.start(host, 30, 15, 0), "professionalId",
                f.center().adminId(), "everyWeeks", 1, "count", 2), f.center().token());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("seriesId").asText();
    }


    @BeforeAll
    static void start() {
        graph = com.qleven.host.whatsapp.FakeGraphApi.start(0).appCredentials("1234567890", "probe-app-secret");
        host = TestHost.start(Map.of(com.qleven.host.config.WhatsAppSettings.GRAPH_URL, graph.baseUrl().toString(),
                com.qleven.host.config.WhatsAppSettings.APP_ID, "1234567890",
                com.qleven.host.config.WhatsAppSettings.APP_SECRET, "probe-app-secret"));
        String operator = IncidentFixtures.operator(host);
        A = CenterFixture.create(host, "Centro A", "probe_alpha", operator);
        B = CenterFixture.create(host, "Centro B", "probe_bravo", operator);
        whatsApp(A, "710000000001", "910000000001");
        whatsApp(B, "710000000002", "910000000002");
        MessagingProbe.uncertain(host, A);
        MessagingProbe.uncertain(host, B);
        MessagingProbe.campaign(host, A);
        MessagingProbe.campaign(host, B);
        MessagingProbe.contact(host, A);
        MessagingProbe.contact(host, B);
        DevicesProbe.device(host, A);
        DevicesProbe.device(host, B);
        seriesOfB = newSeries(B);
        paidInvoice(A);
        paidInvoice(B);
    }

    @AfterAll
    static void stop() {
        host.close();
        graph.close();
    }

    @Test
    void everyOperationHasARecipe() {
        Set<String> operations = OPERATIONS.stream().map(OpenApiRoutes.Operation::toString)
                .collect(Collectors.toSet());
        assertThat(operations).isNotEmpty();
        assertThat(operations).allSatisfy(op -> assertThat(RECIPES)
                .as("say in CrossTenantProbeTest.RECIPES how center A probes " + op).containsKey(op));
        assertThat(RECIPES.keySet()).as("recipes for operations openapi.json does not have").allSatisfy(op ->
                assertThat(operations).contains(op));
    }

    @TestFactory
    Stream<DynamicTest> noOperationReachesAnotherCenter() {
        return OPERATIONS.stream().filter(op -> RECIPES.containsKey(op.toString())).map(op ->
                DynamicTest.dynamicTest(op.toString(), () -> {
                    Map<String, String> before = CenterFixture.checksums(host, B.center().tenantId());
                    Runnable control = probe(op, RECIPES.get(op.toString()));
                    assertThat(CenterFixture.checksums(host, B.center().tenantId()))
                            .as(op + " changed center B's rows").isEqualTo(before);
                    control.run();
                }));
    }

    /** Probes, and answers the control to run once B's rows are compared (B reading its own record writes). */
    private static Runnable probe(OpenApiRoutes.Operation op, Recipe recipe) {
        if (recipe instanceof ById byId) {
                String theirs = byId.theirs().apply(B);
                String template = byId.path() != null ? byId.path() : op.path();
                Reply foreign = send(op.method(), fill(template, theirs), byId.body(), A.center().token());
                Reply missing = send(op.method(), fill(template, UUID.randomUUID().toString()), byId.body(),
                        A.center().token());
                assertThat(foreign.status()).as(op + " with another center's id: " + foreign.body()).isEqualTo(404);
                assertThat(withoutRequestId(foreign.json())).isEqualTo(withoutRequestId(missing.json()));
                // The control: B reaches its own record at that id.
                String read = byId.control() != null ? byId.control()
                        : op.path().replaceAll("(\\{[^}]+})/[a-z-]+$", "$1");
                return () -> assertThat(host.get(fill(read, theirs), B.center().token()).status())
                        .as("B reads its own record at " + read).isEqualTo(200);
        } else if (recipe instanceof Listing listing) {
                Reply own = listing.body() == null
                        ? host.get(op.path() + listing.query(), A.center().token())
                        : host.post(op.path() + listing.query(), listing.body(), A.center().token());
                assertThat(own.status()).as(op + ": " + own.body()).isEqualTo(200);
                assertThat(own.body()).as(op + " lists A's own record (the control)")
                        .contains(listing.own().apply(A));
                assertThat(B.ids()).as(op + " answered A with B's records: " + own.body())
                        .allSatisfy(theirs -> assertThat(own.body()).doesNotContain(theirs));
        } else if (recipe instanceof BodyId bodyId) {
                String token = bodyId.tokenless() ? null : A.center().token();
                Reply foreign = send(op.method(), op.path(),
                        TestHost.write(bodyId.body().apply(bodyId.theirs().apply(B))), token);
                Reply missing = send(op.method(), op.path(),
                        TestHost.write(bodyId.body().apply(UUID.randomUUID().toString())), token);
                assertThat(foreign.status()).as(op + " naming B's record in " + bodyId.field() + ": "
                        + foreign.body()).isEqualTo(bodyId.status());
                assertThat(withoutRequestId(foreign.json())).isEqualTo(withoutRequestId(missing.json()));
                if (bodyId.status() == 422) {
                    assertThat(foreign.json().get("errors").get(0).get("field").asText()).isEqualTo(bodyId.field());
                }
        } else if (recipe instanceof QueryId queryId) {
                Reply foreign = host.get(op.path() + queryId.query().apply(queryId.theirs().apply(B)),
                        A.center().token());
                Reply missing = host.get(op.path() + queryId.query().apply(UUID.randomUUID().toString()),
                        A.center().token());
                assertThat(foreign.status()).as(op + " naming B's record in " + queryId.field() + ": "
                        + foreign.body()).isEqualTo(queryId.status());
                assertThat(withoutRequestId(foreign.json())).isEqualTo(withoutRequestId(missing.json()));
                assertThat(foreign.json().get("errors").get(0).get("field").asText()).isEqualTo(queryId.field());
        } else if (recipe instanceof OwnWrite write) {
                Object body = write.body().apply(A);
                Reply reply = send(op.method(), op.path(), body instanceof String s ? s : TestHost.write(body),
                        write.as().apply(A));
                assertThat(reply.status()).as(op + ": " + reply.body()).isLessThan(500);
        } else if (recipe instanceof OperatorOnly operatorOnly) {
                Reply reply = send(op.method(), fill(op.path(), UUID.randomUUID().toString()),
                        op.takesBody() ? TestHost.write(operatorOnly.body()) : "", A.center().token());
                assertThat(reply.status()).as(op + " with a center's token: " + reply.body()).isEqualTo(403);
        } else if (recipe instanceof Public open) {
            open.probe().run();
        } else if (recipe instanceof NoCenterData none) {
            assertThat(none.why()).as(op + " says why no center is at stake").isNotBlank();
        }
        return () -> { };
    }

    private static String fill(String path, String id) {
        return path.replaceAll("\\{[^}]+}", id);
    }

    private static Reply send(String method, String path, String body, String token) {
        HttpRequest.Builder request = host.request(path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        boolean sendsBody = !body.isEmpty() && !method.equals("GET") && !method.equals("DELETE");
        if (sendsBody) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, sendsBody ? HttpRequest.BodyPublishers.ofString(body)
                : HttpRequest.BodyPublishers.noBody());
        return host.send(request.build());
    }

    private static JsonNode withoutRequestId(JsonNode problem) {
        ObjectNode copy = problem.deepCopy();
        copy.remove("requestId");
        return copy;
    }
}
