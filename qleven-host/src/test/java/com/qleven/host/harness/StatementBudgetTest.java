package com.qleven.host.harness;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.adapters.postgres.PostgresStore;
import com.qleven.host.TestHost;
import com.qleven.host.http.scheduling.SchedulingFixtures;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.http.billing.BillingFixtures;
import com.qleven.host.http.privacy.IncidentFixtures;
import com.qleven.host.http.scheduling.SchedulingSeed;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.MDC;

/**
 * The statement budget (issue 8): every operation of openapi.json is called once, the way its
 * recipe says, and the transactions it opens and the statements it sends (every statement,
 * {@code set_config} included; {@code BEGIN} and {@code COMMIT} not) are counted on the request's
 * thread by its request id. An operation over its budget in {@link #BUDGETS} fails, and so does an
 * operation without a row (a route added without its budget) or a row naming no operation. A list or
 * search page must then cost the same with two more rows on it ({@link #MORE_ROWS}), except the pages
 * still listed in {@link #PER_ROW}, which must cost more (so that a fixed page leaves that list).
 *
 * <p>An authenticated request runs in one unit of work: authentication and the use case share it,
 * and authentication costs one statement ({@code directory.open_by_session_token}: the session
 * token's directory row, which binds the unit to its center, then the session and the membership;
 * three statements before issue 9, so every authenticated row was two higher). Routes that hash a
 * password (sign-in, sign-up, adding a user, changing a password) hash outside any transaction and
 * keep more than one, and so do one's own memberships, which read other centers. The rows are what
 * each route costs today (before issue 8: {@code GET /v1/me} 3 transactions and 14 statements,
 * {@code POST /v1/clients} 3 and 18; after issue 8: 6 and 8). Every later route gets its row in the
 * change that adds it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatementBudgetTest {
    private static final List<OpenApiRoutes.Operation> OPERATIONS = new OpenApiRoutes().operations();
    private static final Map<String, Count> COUNTS = new ConcurrentHashMap<>();
    private static final Map<String, String> MEASURED = new TreeMap<>();
    private static TestHost host;
    private static CenterFixture A;
    private static String operator;

    /** At most {@code transactions} units of work and {@code statements} statements. */
    record Budget(int transactions, int statements) {
    }

    /** One call: method, path, JSON body ("" for none), bearer token (null for none), other headers. */
    record Call(String method, String path, String body, String token, Map<String, String> headers) {
        Call(String method, String path, String body, String token) {
            this(method, path, body, token, Map.of());
        }
    }

    private static final class Count {
        final AtomicInteger transactions = new AtomicInteger();
        final AtomicInteger statements = new AtomicInteger();
        final List<String> sent = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    }

    static Budget budget(int transactions, int statements) {
        return new Budget(transactions, statements);
    }

    /** The budgets, one row per operation of openapi.json, keyed "METHOD path". */
    static final Map<String, Budget> BUDGETS = Map.ofEntries(
            entry("POST /v1/signup", budget(3, 16)),
            entry("POST /v1/auth/login", budget(2, 21)),
            entry("POST /v1/auth/logout", budget(1, 4)),
            entry("GET /v1/me", budget(1, 4)),
            entry("POST /v1/users", budget(2, 13)),
            entry("GET /v1/users", budget(1, 5)),
            entry("GET /v1/users/{id}", budget(1, 5)),
            entry("PATCH /v1/users/{id}", budget(1, 6)),
            entry("POST /v1/invitations", budget(1, 18)),
            entry("GET /v1/invitations", budget(1, 3)),
            entry("GET /v1/invitations/{id}", budget(1, 3)),
            entry("POST /v1/invitations/accept", budget(0, 0)),
            entry("GET /v1/me/memberships", budget(2, 3)),
            entry("GET /v1/me/memberships/{id}", budget(2, 4)),
            entry("POST /v1/me/memberships/{id}/accept", budget(2, 4)),
            entry("POST /v1/me/memberships/{id}/decline", budget(2, 3)),
            entry("POST /v1/memberships/accept", budget(0, 0)),
            entry("POST /v1/auth/password-reset", budget(2, 17)),
            entry("POST /v1/auth/password-reset/confirm", budget(0, 0)),
            entry("POST /v1/auth/password", budget(6, 15)),
            entry("GET /v1/sessions", budget(1, 3)),
            entry("GET /v1/sessions/{id}", budget(1, 3)),
            entry("DELETE /v1/sessions/{id}", budget(1, 2)),
            entry("GET /v1/audit/verify", budget(1, 4)),
            entry("GET /v1/audit/events", budget(1, 3)),
            entry("GET /health/live", budget(0, 0)),
            // Scheduling (issue 9): a booking is one transaction; availability a bounded number of
            // statements whatever the range (availabilityCostsTheSameForAWeekAndTwoMonths): center,
            // settings, service, schedules, members, rooms/equipment when needed, busy intervals. A
            // series of 4 inserts each occurrence (one statement each, holds included); a cancellation
            // that offers the slot to a waiting client adds the offer, its audit and the mail. A booking
            // or series naming its professional reads that professional's agenda only, and no member
            // list: 13 and 19 statements (the budgets were 15 and 21); the client's existence and
            // restriction in one statement (ClientRestrictions.restrictedIfClient): 12 and 18; the
            // center and its scheduling settings in one (SchedulingSettingsRepository
            // .centerWithSettings), one statement less for every scheduling route: 11 and 17; the
            // appointment and its holds in one statement, and authentication in one: 8 and 11; a named
            // professional's own holds left to the exclusion constraint (no busy read without rooms or
            // equipment): 7 and 10. Schedules are read for active members only, in the schedules'
            // statement (StaffSchedules.activeSchedules): no member list for a search, no membership
            // read for a named professional (these recipes name the caller, whose membership
            // authentication has read already, so the booking rows stay 7 and 10). The center, its
            // settings and the service in one statement (SchedulingSettingsRepository
            // .centerWithService): 6 and 9.
            entry("GET /v1/availability", budget(1, 4)),
            // Messaging (issue 11) hears each booking, move and cancellation in its unit: whether the center
            // has a WhatsApp number (1; the recipes' centers have none, so nothing is queued), and for a
            // move or a cancellation the appointment's messages whose pending reminders it skips (1).
            entry("POST /v1/appointments", budget(1, 7)),
            entry("GET /v1/appointments", budget(1, 4)),
            entry("GET /v1/appointments/{id}", budget(1, 4)),
            entry("POST /v1/appointments/{id}/confirm", budget(1, 7)),
            entry("POST /v1/appointments/{id}/check-in", budget(1, 7)),
            // Completing also runs billing's part in its unit (issue 10): the service, the billing center
            // and the client's redeemable packages (locked), then, when none redeems (the recipe's
            // client holds no package of the bookable service), the client's standing (a restricted
            // client's invoice is left to the desk), whether the desk billed it already (one appointment,
            // one bill) and the draft invoice: the service's rate, the finance key, the insert and its
            // audit event: 7 + 9.
            entry("POST /v1/appointments/{id}/complete", budget(1, 16)),
            // Both with the center's fee charged: the fee's invoice drafted in the step's unit (the
            // policy, the service, the client's standing, the rate, the finance key, the invoice and
            // its lines, its audit event). Without a fee a no-show costs 8, an early cancellation 9.
            entry("POST /v1/appointments/{id}/no-show", budget(1, 14)),
            entry("POST /v1/appointments/{id}/cancel", budget(1, 17)),
            entry("POST /v1/appointments/{id}/reschedule", budget(1, 14)),
            entry("POST /v1/appointment-series", budget(1, 10)),
            entry("GET /v1/appointment-series/{id}", budget(1, 4)),
            entry("POST /v1/waitlist", budget(1, 7)),
            entry("GET /v1/waitlist/{id}", budget(1, 4)),
            entry("GET /v1/waitlist", budget(1, 4)),
            // Answering an offer (issue 9, staff), measured: authentication and the entry locked (2),
            // then accepting books as POST /v1/appointments does (center, service, client, agenda,
            // busy intervals, the insert, appointment.book: 7) and stores the entry and waitlist.accept
            // (2): 11. Declining or withdrawing an offer (after the 2) stores the entry, audits it and
            // reads the center (3), then passes the slot on as a cancellation does: still free? (1),
            // the next waiting client offered (found, stored, the offer recorded, waitlist.offer: 4),
            // the client's restriction, email and its key (3), and the mail sealed under a data key
            // of its own, created then (5): 18. A waiting entry withdrawn costs 5.
            entry("POST /v1/waitlist/{id}/accept", budget(1, 10)),
            entry("POST /v1/waitlist/{id}/decline", budget(1, 18)),
            entry("POST /v1/waitlist/{id}/withdraw", budget(1, 18)),
            entry("GET /health/ready", budget(0, 0)),
            entry("GET /openapi.json", budget(0, 0)),
            // The handshake reads nothing; a signed POST stores its sealed body in one transaction: the
            // tenant setting, the webhook key's lookup and the insert.
            entry("GET /webhooks/whatsapp", budget(0, 0)),
            entry("POST /webhooks/whatsapp", budget(1, 3)),
            entry("POST /v1/clients", budget(1, 6)),
            entry("GET /v1/clients", budget(1, 5)),
            entry("POST /v1/clients/search", budget(1, 5)),
            // A single client's read names the other clients of its open possible-duplicate flags: one
            // statement more (5 before issue 9's flags).
            entry("GET /v1/clients/{id}", budget(1, 6)),
            entry("PATCH /v1/clients/{id}", budget(1, 10)),
            // Measured on an accepted call since issue 9 (the recipe sent a decision and channel the route
            // refuses, so the row held the 400's 3): the consent purpose is read twice in the unit, one
            // statement to save.
            entry("POST /v1/clients/{id}/consents", budget(1, 8)),
            entry("GET /v1/clients/{id}/consents", budget(1, 5)),
            entry("POST /v1/clients/{id}/lift-restriction", budget(1, 3)),
            // Possible duplicates (issue 9): the open flags and the page's audit events; a dismissal is
            // one statement (found, dismissed or dismissed before) and its audit event.
            entry("GET /v1/client-duplicates", budget(1, 3)),
            entry("POST /v1/client-duplicates/{id}/dismiss", budget(1, 3)),
            entry("POST /v1/consent-purposes", budget(1, 3)),
            entry("GET /v1/consent-purposes", budget(1, 2)),
            entry("PUT /v1/consent-purposes/{code}/notice", budget(1, 5)),
            entry("GET /v1/consent-purposes/{code}/notices", budget(1, 3)),
            entry("POST /v1/privacy/requests", budget(1, 5)),
            entry("GET /v1/privacy/requests", budget(1, 4)),
            entry("GET /v1/privacy/requests/{id}", budget(1, 4)),
            entry("POST /v1/privacy/requests/{id}/complete", budget(1, 9)),
            entry("POST /v1/privacy/requests/{id}/extend", budget(1, 8)),
            // The export's possibleDuplicates section reads the client's flags: one statement (8 before);
            // its billing section the client's invoices, one statement (the finance key is read with the
            // client's), then the client's packages and their redemptions, one statement each; its
            // messages section the client's WhatsApp messages, one statement (issue 11); its
            // inboundMessages section the client's messages to the center, one statement (issue 12); its
            // campaigns section the campaigns the client was in, one statement (issue 12); its
            // treatmentSessions section the client's sessions on machines, one statement (issue 13).
            entry("GET /v1/clients/{id}/export", budget(1, 16)),
            entry("POST /v1/operator/incidents", budget(4, 21)),
            entry("GET /v1/operator/incidents", budget(2, 5)),
            entry("GET /v1/incidents", budget(1, 4)),
            entry("GET /v1/incidents/{id}", budget(1, 4)),
            entry("GET /v1/notifications", budget(1, 3)),
            entry("GET /v1/privacy/subprocessors", budget(1, 2)),
            entry("POST /v1/operator/subprocessors", budget(2, 4)),
            entry("PATCH /v1/operator/subprocessors/{id}", budget(2, 5)),
            entry("POST /v1/operator/policy-versions", budget(4, 49)),
            entry("GET /v1/me/notifications", budget(1, 2)),
            entry("POST /v1/policy-versions/{version}/accept", budget(1, 3)),
            entry("GET /v1/policy-versions/current", budget(1, 3)),
            // The first read of a center's settings stores the defaults and claims the slug (8); later reads cost 5.
            entry("GET /v1/center", budget(1, 6)),
            entry("PATCH /v1/center", budget(1, 6)),
            entry("GET /v1/tax-rates", budget(1, 2)),
            entry("POST /v1/tax-rates", budget(1, 4)),
            entry("POST /v1/tax-rates/{code}/retire", budget(1, 4)),
            entry("POST /v1/invoices", budget(1, 7)),
            entry("GET /v1/invoices", budget(1, 4)),
            entry("GET /v1/invoices/{id}", budget(1, 4)),
            entry("PATCH /v1/invoices/{id}", budget(1, 7)),
            // The draft read, then deleted (its lines by the cascade), and the audit event.
            entry("DELETE /v1/invoices/{id}", budget(1, 4)),
            entry("POST /v1/invoices/{id}/issue", budget(1, 9)),
            entry("POST /v1/invoices/{id}/credit-notes", budget(1, 11)),
            entry("GET /v1/invoice-series/{series}/verify", budget(1, 4)),
            // Packages: a sale drafts and issues its invoice in the same unit (as POST /v1/invoices then
            // /issue, 15 together); a refund locks the package and issues a credit note (as
            // /credit-notes) and closes the package; a client package's read and list read the
            // center's zone for its status today; the liability report is the center and one grouped
            // statement.
            entry("POST /v1/packages", budget(1, 6)),
            entry("GET /v1/packages", budget(1, 3)),
            entry("GET /v1/packages/{id}", budget(1, 3)),
            entry("POST /v1/packages/{id}/retire", budget(1, 4)),
            entry("POST /v1/clients/{id}/packages", budget(1, 15)),
            entry("GET /v1/clients/{id}/packages", budget(1, 5)),
            entry("GET /v1/client-packages/{id}", budget(1, 4)),
            entry("POST /v1/client-packages/{id}/refund", budget(1, 14)),
            entry("GET /v1/reports/package-liability", budget(1, 4)),
            entry("GET /v1/billing-settings", budget(1, 2)),
            entry("PUT /v1/billing-settings", budget(1, 3)),
            // Messaging settings: the saved row (none: the defaults); a save reads its version, writes
            // the row only if that version still holds, and records its audit event.
            entry("GET /v1/whatsapp/settings", budget(1, 2)),
            entry("PUT /v1/whatsapp/settings", budget(1, 4)),
            entry("GET /v1/messages", budget(1, 3)),
            // Campaigns (issue 12): creation reads the template, the number, the clients (and their keys),
            // the center, then writes every message in one insert, the campaign, its links in one insert
            // and the audit event, whatever the number of recipients (aCampaignOfFiftyCostsWhatOneDoes).
            entry("POST /v1/campaigns", budget(1, 11)),
            entry("GET /v1/campaigns", budget(1, 4)),
            entry("GET /v1/campaigns/{id}", budget(1, 4)),
            entry("GET /v1/campaigns/{id}/recipients", budget(1, 4)),
            entry("POST /v1/campaigns/{id}/cancel", budget(1, 7)),
            entry("POST /v1/messages/{id}/resend", budget(1, 6)),
            // Devices (issue 13), after authentication (1): a registration reads the equipment, writes the
            // directory row and the device in one statement, and its audit event; a rotation reads the
            // device, rotates both rows in one statement and audits; a revocation also reads the device
            // back. Reads are one statement, the live state on the device's row (MORE_ROWS for the list).
            entry("POST /v1/devices", budget(1, 4)),
            entry("GET /v1/devices", budget(1, 2)),
            entry("GET /v1/devices/{id}", budget(1, 2)),
            entry("POST /v1/devices/{id}/credentials/rotate", budget(1, 4)),
            entry("POST /v1/devices/{id}/revoke", budget(1, 5)),
            // Device commands (issue 13): queueing reads the device, writes the command (its trigger keeps
            // the dispatch queue) and the audit event; reads are the device or the command and a page.
            entry("POST /v1/devices/{id}/commands", budget(1, 8)),
            entry("GET /v1/devices/{id}/commands", budget(1, 4)),
            entry("GET /v1/devices/{id}/commands/{commandId}", budget(1, 3)),
            entry("GET /v1/devices/{id}/maintenance-rules", budget(1, 4)),
            entry("PUT /v1/devices/{id}/maintenance-rules", budget(1, 6)),
            entry("GET /v1/appointments/{id}/treatment-session", budget(1, 4)),
            // Conversations (issue 12), measured after authentication (1): a conversation page reads the
            // client as recipient and its key, the window (the contact at the client's phone), the page's
            // keys over both directions then its inbound and outbound rows, the contacts' data keys in
            // one go, the reactions to the page in one, and its audit event: 10 whatever the page holds
            // (MORE_ROWS). A reply: the client and its key, its restriction, the window, the insert and
            // its audit event: 8. The worklist: contacts with their counts in one statement, their keys,
            // the audit events: 4. An attribution: the contact, the client and its key, the clients with
            // the number, the update and its audit event: 7.
            entry("GET /v1/clients/{id}/conversation", budget(1, 10)),
            entry("POST /v1/clients/{id}/conversation", budget(1, 8)),
            entry("GET /v1/whatsapp/contacts", budget(1, 4)),
            entry("POST /v1/whatsapp/contacts/{id}/attribute", budget(1, 7)),
            entry("POST /v1/services", budget(1, 6)),
            entry("GET /v1/services", budget(1, 2)),
            entry("GET /v1/services/{id}", budget(1, 2)),
            entry("PATCH /v1/services/{id}", budget(1, 4)),
            entry("POST /v1/rooms", budget(1, 3)),
            entry("GET /v1/rooms", budget(1, 2)),
            entry("POST /v1/equipment", budget(1, 3)),
            entry("GET /v1/equipment", budget(1, 2)),
            entry("PATCH /v1/equipment/{id}", budget(1, 4)),
            entry("PUT /v1/staff/{userId}/working-hours", budget(1, 4)),
            entry("GET /v1/staff/{userId}/working-hours", budget(1, 3)),
            entry("PUT /v1/staff/{userId}/exceptions/{date}", budget(1, 4)),
            entry("POST /v1/staff/{userId}/time-off", budget(1, 5)),
            entry("GET /v1/staff/{userId}/time-off", budget(1, 5)),
            // Online booking (no session): the page and availability are one transaction from the slug's
            // directory row on; a booking is the address's rate-limit unit (slug, lock, count, record)
            // then one transaction (the client looked up by phone and email and created with its data
            // key, the appointment, the consent with the client's birth date and purposes read, the
            // phone's rate limit, the link, the mail, the audit events, and the possible-duplicate flags
            // in one insert when the phone or email is another client's: 38 without, 39 with, as the
            // recipe books); a manage link's read or action
            // is one, from the link's row on (a cancellation looks for a waiting client too).
            entry("GET /v1/public/centers/{slug}/services", budget(1, 6)),
            entry("GET /v1/public/centers/{slug}/availability", budget(1, 6)),
            // Issue 11: each booking or step through the link also asks whether the center has a WhatsApp
            // number (1), a cancellation or move also reads the appointment's messages (1): 37, 20, 17.
            entry("POST /v1/public/centers/{slug}/bookings", budget(2, 37)),
            entry("GET /v1/public/bookings/{token}", budget(1, 6)),
            entry("POST /v1/public/bookings/{token}/confirm", budget(1, 10)),
            entry("POST /v1/public/bookings/{token}/cancel", budget(1, 20)),
            entry("POST /v1/public/bookings/{token}/reschedule", budget(1, 17)),
            entry("POST /v1/staff/{userId}/calendar-feed", budget(1, 4)),
            entry("GET /v1/staff/{userId}/calendar-feed", budget(1, 3)),
            entry("DELETE /v1/staff/{userId}/calendar-feed", budget(1, 4)),
            entry("GET /v1/calendar/{feed}", budget(1, 10)),
            // Payments (issue 10): a payment reads the invoice, records the payment, settles the invoice
            // and audits; a deposit reads the appointment and the center (its currency) instead of the
            // invoice and settles nothing; a list reads its invoice or appointment (404) and the rows; the
            // cash report reads the center (zone, currency) and sums the day in one GROUP BY.
            entry("POST /v1/invoices/{id}/payments", budget(1, 5)),
            entry("GET /v1/invoices/{id}/payments", budget(1, 4)),
            entry("POST /v1/appointments/{id}/deposit", budget(1, 5)),
            entry("GET /v1/appointments/{id}/deposits", budget(1, 4)),
            entry("GET /v1/reports/cash", budget(1, 4)),
            // WhatsApp (issue 11). Connecting by hand reads the number there was (the version), claims
            // the directory row and writes the center's in one statement, and audits; its read is one
            // statement. Embedded Signup and the template routes that call Meta run outside the
            // request's unit: authentication, then before Meta is called the number's directory row
            // (signup) or the number and its token's key (sync; a submission also looks for the name),
            // then one unit for what Meta answered (the number stored and audited; the registry read,
            // each template added or changed written, and the audit event: the recipe adds two). A page
            // of templates is one statement.
            entry("PUT /v1/whatsapp/account", budget(1, 5)),
            entry("GET /v1/whatsapp/account", budget(1, 2)),
            entry("POST /v1/whatsapp/account/embedded-signup", budget(3, 8)),
            entry("POST /v1/whatsapp/templates/sync", budget(3, 9)),
            entry("GET /v1/whatsapp/templates", budget(1, 2)),
            entry("GET /v1/whatsapp/templates/{id}", budget(1, 2)),
            entry("PATCH /v1/whatsapp/templates/{id}", budget(1, 4)),
            entry("POST /v1/whatsapp/templates", budget(3, 9)));

    /** How each operation is called; a recipe may prepare what it needs first (not counted). */
    private static final Map<String, Function<CenterFixture, Call>> RECIPES = Map.ofEntries(
            entry("POST /v1/signup", f -> post("/v1/signup", TestHost.signUpBody("Centro Budget",
                    TestHost.newEmail("budget")), null)),
            entry("POST /v1/auth/login", f -> post("/v1/auth/login", Map.of("email", f.center().adminEmail(),
                    "password", TestHost.PASSWORD), null)),
            entry("POST /v1/auth/logout", f -> new Call("POST", "/v1/auth/logout", "",
                    host.login(f.center().adminEmail(), TestHost.PASSWORD, null))),
            entry("GET /v1/me", f -> get("/v1/me", f.center().token())),
            entry("POST /v1/users", f -> post("/v1/users", TestHost.userBody(TestHost.newEmail("budget"),
                    "professional"), f.center().token())),
            entry("GET /v1/users", f -> get("/v1/users", f.center().token())),
            entry("GET /v1/users/{id}", f -> get("/v1/users/" + f.professionalId(), f.center().token())),
            entry("PATCH /v1/users/{id}", f -> new Call("PATCH", "/v1/users/" + f.professionalId(),
                    "{\"role\":\"professional\"}", f.center().token())),
            entry("POST /v1/invitations", f -> post("/v1/invitations", Map.of("email", TestHost.newEmail("budget"),
                    "role", "receptionist"), f.center().token())),
            entry("GET /v1/invitations", f -> get("/v1/invitations", f.center().token())),
            entry("GET /v1/invitations/{id}", f -> get("/v1/invitations/" + f.invitationId(), f.center().token())),
            entry("POST /v1/invitations/accept", f -> post("/v1/invitations/accept", Map.of("token",
                    "a-guessed-token-that-names-nothing-at-all-0000", "fullName", "Nadie", "password",
                    TestHost.PASSWORD, "ageConfirmed", true), null)),
            entry("GET /v1/me/memberships", f -> get("/v1/me/memberships", f.center().token())),
            entry("GET /v1/me/memberships/{id}", f -> get("/v1/me/memberships/" + f.center().tenantId(),
                    f.center().token())),
            entry("POST /v1/me/memberships/{id}/accept", f -> new Call("POST", "/v1/me/memberships/"
                    + f.center().tenantId() + "/accept", "", f.center().token())),
            entry("POST /v1/me/memberships/{id}/decline", f -> new Call("POST", "/v1/me/memberships/"
                    + UUID.randomUUID() + "/decline", "", f.center().token())),
            entry("POST /v1/memberships/accept", f -> post("/v1/memberships/accept", Map.of("token",
                    "a-guessed-token-that-names-nothing-at-all-0000", "password", TestHost.PASSWORD), null)),
            entry("POST /v1/auth/password-reset", f -> post("/v1/auth/password-reset",
                    Map.of("email", f.center().adminEmail()), null)),
            entry("POST /v1/auth/password-reset/confirm", f -> post("/v1/auth/password-reset/confirm",
                    Map.of("token", "a-guessed-token-that-names-nothing-at-all-0000", "password",
                            "another horse battery staple"), null)),
            entry("POST /v1/auth/password", f -> post("/v1/auth/password", Map.of("currentPassword",
                    TestHost.PASSWORD, "newPassword", TestHost.PASSWORD + " again"), f.receptionistToken())),
            entry("GET /v1/sessions", f -> get("/v1/sessions", f.center().token())),
            entry("GET /v1/sessions/{id}", f -> get("/v1/sessions/" + f.sessionId(), f.center().token())),
            entry("DELETE /v1/sessions/{id}", f -> new Call("DELETE", "/v1/sessions/" + UUID.randomUUID(), "",
                    f.center().token())),
            entry("GET /v1/audit/verify", f -> get("/v1/audit/verify", f.center().token())),
            entry("GET /v1/audit/events", f -> get("/v1/audit/events", f.center().token())),
            entry("GET /health/live", f -> get("/health/live", null)),
            entry("GET /v1/availability", f -> get("/v1/availability?serviceId=" + f.bookableServiceId() + "&from="
                    + SchedulingFixtures.day(host, 4) + "&to=" + SchedulingFixtures.day(host, 10), f.center().token())),
            entry("POST /v1/appointments", f -> post("/v1/appointments", booking(f), f.center().token())),
            entry("GET /v1/appointments", f -> get("/v1/appointments?from=" + SchedulingFixtures.day(host, 0)
                    + "&to=" + SchedulingFixtures.day(host, 80), f.center().token())),
            entry("GET /v1/appointments/{id}", f -> get("/v1/appointments/" + f.appointmentId(), f.center().token())),
            entry("POST /v1/appointments/{id}/confirm", f -> act(newAppointment(f), "confirm", "")),
            entry("POST /v1/appointments/{id}/check-in", f -> act(newAppointment(f), "check-in", "")),
            entry("POST /v1/appointments/{id}/complete", f -> {
                String id = newAppointment(f);
                host.post("/v1/appointments/" + id + "/check-in", Map.of(), f.center().token());
                return act(id, "complete", "");
            }),
            // A no-show needs an appointment that has started, which no route books: one seeded in
            // the past through the store; so does a late cancellation (inside the window). The
            // center charges both fees, so each row is the dearer path.
            entry("POST /v1/appointments/{id}/no-show", f -> act(startedWithFees(f), "no-show", "")),
            entry("POST /v1/appointments/{id}/cancel", f -> act(startedWithFees(f), "cancel",
                    TestHost.write(Map.of("reason", "Budget reason")))),
            entry("POST /v1/appointments/{id}/reschedule", f -> act(newAppointment(f), "reschedule",
                    TestHost.write(Map.of("start", nextStart())))),
            entry("POST /v1/appointment-series", f -> {
                Map<String, Object> body = new java.util.HashMap<>(booking(f));
                body.put("everyWeeks", 1);
                body.put("count", 4);
                body.put("start", seriesStart());
                return post("/v1/appointment-series", body, f.center().token());
            }),
            entry("POST /v1/waitlist", f -> post("/v1/waitlist", Map.of("clientId", f.clientId(), "serviceId",
                    f.bookableServiceId(), "from", SchedulingFixtures.day(host, 2).toString(), "to",
                    SchedulingFixtures.day(host, 9).toString()), f.center().token())),
            entry("GET /v1/waitlist", f -> get("/v1/waitlist", f.center().token())),
            entry("GET /v1/waitlist/{id}", f -> get("/v1/waitlist/" + f.waitlistId(), f.center().token())),
            entry("POST /v1/waitlist/{id}/accept", f -> new Call("POST", "/v1/waitlist/" + offeredEntry(f)
                    + "/accept", "", f.center().token())),
            entry("POST /v1/waitlist/{id}/decline", f -> new Call("POST", "/v1/waitlist/" + offeredEntry(f)
                    + "/decline", "", f.center().token())),
            entry("POST /v1/waitlist/{id}/withdraw", f -> new Call("POST", "/v1/waitlist/" + offeredEntry(f)
                    + "/withdraw", "", f.center().token())),
            entry("GET /v1/appointment-series/{id}", f -> {
                Map<String, Object> body = new java.util.HashMap<>(booking(f));
                body.put("everyWeeks", 2);
                body.put("count", 2);
                body.put("start", seriesStart());
                Reply made = host.post("/v1/appointment-series", body, f.center().token());
                return get("/v1/appointment-series/" + made.json().get("seriesId").asText(), f.center().token());
            }),
            entry("GET /health/ready", f -> get("/health/ready", null)),
            entry("GET /openapi.json", f -> get("/openapi.json", null)),
            entry("GET /webhooks/whatsapp", f -> get("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=42"
                    + "&hub.verify_token=" + StatementBudgetTest.WEBHOOK_VERIFY_TOKEN, null)),
            entry("POST /webhooks/whatsapp", f -> signedWebhook()),
            entry("POST /v1/clients", f -> post("/v1/clients", Map.of("fullName", "Budget Client", "phone",
                    "600 123 456", "notes", "Budget notes."), f.center().token())),
            entry("GET /v1/clients", f -> get("/v1/clients", f.center().token())),
            entry("POST /v1/clients/search", f -> post("/v1/clients/search", Map.of("name",
                    CenterFixture.SEARCHABLE), f.center().token())),
            entry("GET /v1/clients/{id}", f -> get("/v1/clients/" + f.clientId(), f.center().token())),
            entry("PATCH /v1/clients/{id}", f -> new Call("PATCH", "/v1/clients/" + f.clientId(),
                    "{\"notes\":\"Rewritten.\"}", f.center().token())),
            entry("POST /v1/clients/{id}/consents", f -> post("/v1/clients/" + f.clientId() + "/consents",
                    Map.of("purpose", f.purposeCode(), "decision", "granted", "channel", "in_person", "textVersion", "v1",
                            "text", "I agree."), f.center().token())),
            entry("GET /v1/clients/{id}/consents", f -> get("/v1/clients/" + f.clientId() + "/consents",
                    f.center().token())),
            entry("POST /v1/clients/{id}/lift-restriction", f -> post("/v1/clients/" + f.clientId()
                    + "/lift-restriction", Map.of("reason", "Lifted."), f.center().token())),
            entry("GET /v1/client-duplicates", f -> get("/v1/client-duplicates", f.center().token())),
            entry("POST /v1/client-duplicates/{id}/dismiss", f -> new Call("POST", "/v1/client-duplicates/"
                    + newDuplicate(f) + "/dismiss", "", f.center().token())),
            entry("POST /v1/consent-purposes", f -> post("/v1/consent-purposes", Map.of("code", "budget_"
                    + UUID.randomUUID().toString().substring(0, 8), "description", "Budget", "marketing", false),
                    f.center().token())),
            entry("GET /v1/consent-purposes", f -> get("/v1/consent-purposes", f.center().token())),
            entry("PUT /v1/consent-purposes/{code}/notice", f -> new Call("PUT", "/v1/consent-purposes/"
                    + f.purposeCode() + "/notice", TestHost.write(Map.of("text", "Budget notice "
                    + UUID.randomUUID())), f.center().token())),
            entry("GET /v1/consent-purposes/{code}/notices", f -> get("/v1/consent-purposes/" + f.purposeCode()
                    + "/notices", f.center().token())),
            entry("POST /v1/privacy/requests", f -> post("/v1/privacy/requests", Map.of("clientId", f.clientId(),
                    "type", "access"), f.center().token())),
            entry("GET /v1/privacy/requests", f -> get("/v1/privacy/requests", f.center().token())),
            entry("GET /v1/privacy/requests/{id}", f -> get("/v1/privacy/requests/" + f.requestId(),
                    f.center().token())),
            entry("POST /v1/privacy/requests/{id}/complete", f -> post("/v1/privacy/requests/" + newRequest(f)
                    + "/complete", Map.of("outcome", "Answered."), f.center().token())),
            entry("POST /v1/privacy/requests/{id}/extend", f -> post("/v1/privacy/requests/" + newRequest(f)
                    + "/extend", Map.of("months", 1, "reason", "Extended."), f.center().token())),
            entry("GET /v1/clients/{id}/export", f -> get("/v1/clients/" + f.clientId() + "/export",
                    f.center().token())),
            entry("POST /v1/operator/incidents", f -> post("/v1/operator/incidents", IncidentFixtures.incident(
                    host.clock.instant().minusSeconds(60).toString(), List.of(f.center().tenantId()),
                    List.of("contact")), operator)),
            entry("GET /v1/operator/incidents", f -> get("/v1/operator/incidents", operator)),
            entry("GET /v1/incidents", f -> get("/v1/incidents", f.center().token())),
            entry("GET /v1/incidents/{id}", f -> get("/v1/incidents/" + f.incidentId(), f.center().token())),
            entry("GET /v1/notifications", f -> get("/v1/notifications", f.center().token())),
            entry("GET /v1/privacy/subprocessors", f -> get("/v1/privacy/subprocessors", f.center().token())),
            entry("POST /v1/operator/subprocessors", f -> post("/v1/operator/subprocessors", subprocessor(),
                    operator)),
            entry("PATCH /v1/operator/subprocessors/{id}", f -> new Call("PATCH", "/v1/operator/subprocessors/"
                    + created(host.post("/v1/operator/subprocessors", subprocessor(), operator)),
                    "{\"purpose\":\"Changed\"}", operator)),
            entry("POST /v1/operator/policy-versions", f -> post("/v1/operator/policy-versions",
                    policyVersion(), operator)),
            entry("GET /v1/me/notifications", f -> get("/v1/me/notifications", f.center().token())),
            entry("POST /v1/policy-versions/{version}/accept", f -> new Call("POST", "/v1/policy-versions/"
                    + publishedVersion() + "/accept", "", f.center().token())),
            entry("GET /v1/policy-versions/current", f -> get("/v1/policy-versions/current", f.center().token())),
            entry("GET /v1/center", f -> get("/v1/center", f.center().token())),
            entry("PATCH /v1/center", f -> new Call("PATCH", "/v1/center", "{\"cancellationWindowHours\":12}",
                    f.center().token())),
            entry("GET /v1/tax-rates", f -> get("/v1/tax-rates", f.center().token())),
            entry("POST /v1/tax-rates", f -> post("/v1/tax-rates", taxRate(), f.center().token())),
            entry("POST /v1/tax-rates/{code}/retire", f -> new Call("POST", "/v1/tax-rates/" + newTaxRate(f)
                    + "/retire", "", f.center().token())),
            entry("POST /v1/invoices", f -> post("/v1/invoices", CenterFixture.invoice(f.clientId()),
                    f.center().token())),
            entry("GET /v1/invoices", f -> get("/v1/invoices", f.center().token())),
            entry("GET /v1/invoices/{id}", f -> get("/v1/invoices/" + f.invoiceId(), f.center().token())),
            entry("DELETE /v1/invoices/{id}", f -> new Call("DELETE", "/v1/invoices/" + newDraft(f), "",
                    f.center().token())),
            entry("PATCH /v1/invoices/{id}", f -> new Call("PATCH", "/v1/invoices/" + newDraft(f),
                    TestHost.write(Map.of("lines", CenterFixture.invoice(f.clientId()).get("lines"))),
                    f.center().token())),
            entry("POST /v1/invoices/{id}/issue", f -> new Call("POST", "/v1/invoices/" + newDraft(f) + "/issue", "",
                    f.center().token())),
            entry("POST /v1/invoices/{id}/credit-notes", f -> post("/v1/invoices/" + newIssued(f) + "/credit-notes",
                    Map.of("full", true, "reason", "Budget"), f.center().token())),
            entry("GET /v1/invoice-series/{series}/verify", f -> get("/v1/invoice-series/" + host.get("/v1/invoices/"
                    + f.invoiceId(), f.center().token()).json().get("number").asText().substring(0, 5) + "/verify",
                    f.center().token())),
            entry("POST /v1/packages", f -> post("/v1/packages", CenterFixture.prepaidPackage(f.serviceId()),
                    f.center().token())),
            entry("GET /v1/packages", f -> get("/v1/packages", f.center().token())),
            entry("GET /v1/packages/{id}", f -> get("/v1/packages/" + f.packageId(), f.center().token())),
            entry("POST /v1/packages/{id}/retire", f -> new Call("POST", "/v1/packages/" + newPackage(f) + "/retire",
                    "", f.center().token())),
            entry("POST /v1/clients/{id}/packages", f -> post("/v1/clients/" + f.clientId() + "/packages",
                    Map.of("packageId", f.packageId()), f.center().token())),
            entry("GET /v1/clients/{id}/packages", f -> get("/v1/clients/" + f.clientId() + "/packages",
                    f.center().token())),
            entry("GET /v1/client-packages/{id}", f -> get("/v1/client-packages/" + f.clientPackageId(),
                    f.center().token())),
            entry("POST /v1/client-packages/{id}/refund", f -> post("/v1/client-packages/" + newClientPackage(f)
                    + "/refund", Map.of("reason", "Budget"), f.center().token())),
            entry("GET /v1/reports/package-liability", f -> get("/v1/reports/package-liability", f.center().token())),
            entry("GET /v1/billing-settings", f -> get("/v1/billing-settings", f.center().token())),
            entry("PUT /v1/billing-settings", f -> new Call("PUT", "/v1/billing-settings",
                    "{\"priceBasis\":\"tax_included\",\"legalName\":\"Budget SL\"}", f.center().token())),
            entry("GET /v1/whatsapp/settings", f -> get("/v1/whatsapp/settings", f.center().token())),
            entry("GET /v1/messages", f -> get("/v1/messages?clientId=" + f.clientId(), f.center().token())),
            entry("POST /v1/campaigns", f -> post("/v1/campaigns", MessagingProbe.campaignBody(host, f,
                    List.of(f.clientId())), f.center().token())),
            entry("GET /v1/campaigns", f -> {
                MessagingProbe.campaign(host, f);
                return get("/v1/campaigns", f.center().token());
            }),
            entry("GET /v1/campaigns/{id}", f -> get("/v1/campaigns/" + MessagingProbe.campaign(host, f),
                    f.center().token())),
            entry("GET /v1/campaigns/{id}/recipients", f -> get("/v1/campaigns/" + MessagingProbe.campaign(host, f)
                    + "/recipients", f.center().token())),
            entry("POST /v1/campaigns/{id}/cancel", f -> new Call("POST", "/v1/campaigns/"
                    + MessagingProbe.newCampaign(host, f, List.of(f.clientId())) + "/cancel", "", f.center().token())),
            entry("POST /v1/devices", f -> post("/v1/devices", DevicesProbe.body(f), f.center().token())),
            entry("GET /v1/devices", f -> {
                DevicesProbe.device(host, f);
                return get("/v1/devices", f.center().token());
            }),
            entry("GET /v1/devices/{id}", f -> get("/v1/devices/" + DevicesProbe.device(host, f), f.center().token())),
            entry("POST /v1/devices/{id}/credentials/rotate", f -> new Call("POST", "/v1/devices/"
                    + DevicesProbe.device(host, f) + "/credentials/rotate", "", f.center().token())),
            entry("POST /v1/devices/{id}/revoke", f -> new Call("POST", "/v1/devices/"
                    + DevicesProbe.newDevice(host, f) + "/revoke", "", f.center().token())),
            entry("POST /v1/devices/{id}/commands", f -> post("/v1/devices/" + DevicesProbe.device(host, f)
                    + "/commands", DevicesProbe.commandBody(), f.center().token())),
            entry("GET /v1/devices/{id}/commands", f -> {
                DevicesProbe.newCommand(host, f);
                return get("/v1/devices/" + DevicesProbe.device(host, f) + "/commands", f.center().token());
            }),
            entry("GET /v1/devices/{id}/commands/{commandId}", f -> get("/v1/devices/" + DevicesProbe.device(host, f)
                    + "/commands/" + DevicesProbe.newCommand(host, f), f.center().token())),
            entry("GET /v1/devices/{id}/maintenance-rules", f -> get("/v1/devices/" + DevicesProbe.device(host, f)
                    + "/maintenance-rules", f.center().token())),
            entry("PUT /v1/devices/{id}/maintenance-rules", f -> new Call("PUT", "/v1/devices/"
                    + DevicesProbe.device(host, f) + "/maintenance-rules",
                    "{\"thresholds\":[{\"counter\":\"lampHours\",\"max\":1000}],\"faultCodes\":[\"E12\"]}",
                    f.center().token())),
            entry("GET /v1/appointments/{id}/treatment-session", f -> get("/v1/appointments/" + f.appointmentId()
                    + "/treatment-session", f.center().token())),
            entry("GET /v1/clients/{id}/conversation", f -> {
                MessagingProbe.contact(host, f);
                return get("/v1/clients/" + f.clientId() + "/conversation", f.center().token());
            }),
            entry("POST /v1/clients/{id}/conversation", f -> {
                MessagingProbe.newInbound(host, f);
                return post("/v1/clients/" + f.clientId() + "/conversation", Map.of("text", "Hola, sí."),
                        f.center().token());
            }),
            entry("GET /v1/whatsapp/contacts", f -> {
                MessagingProbe.contact(host, f);
                return get("/v1/whatsapp/contacts?status=shared", f.center().token());
            }),
            entry("POST /v1/whatsapp/contacts/{id}/attribute", f -> post("/v1/whatsapp/contacts/"
                    + MessagingProbe.newWaitingContact(host, f) + "/attribute", Map.of("clientId", f.clientId()),
                    f.center().token())),
            entry("POST /v1/messages/{id}/resend", f -> new Call("POST", "/v1/messages/"
                    + MessagingProbe.newUncertain(host, f) + "/resend", "", f.center().token())),
            entry("PUT /v1/whatsapp/settings", f -> new Call("PUT", "/v1/whatsapp/settings",
                    "{\"reminderOffsets\":[\"PT24H\",\"PT2H\"],\"sendsPerSecond\":40,\"contentRetentionDays\":90}",
                    f.center().token())),
            entry("POST /v1/services", f -> post("/v1/services", CenterFixture.service(f.professionalId()),
                    f.center().token())),
            entry("GET /v1/services", f -> get("/v1/services", f.center().token())),
            entry("GET /v1/services/{id}", f -> get("/v1/services/" + f.serviceId(), f.center().token())),
            entry("PATCH /v1/services/{id}", f -> new Call("PATCH", "/v1/services/" + f.serviceId(),
                    "{\"name\":\"Budget facial " + UUID.randomUUID() + "\"}", f.center().token())),
            entry("POST /v1/rooms", f -> post("/v1/rooms", Map.of("name", "Budget room"), f.center().token())),
            entry("GET /v1/rooms", f -> get("/v1/rooms", f.center().token())),
            entry("POST /v1/equipment", f -> post("/v1/equipment", Map.of("name", "Budget laser", "kind", "laser"),
                    f.center().token())),
            entry("GET /v1/equipment", f -> get("/v1/equipment", f.center().token())),
            entry("PATCH /v1/equipment/{id}", f -> new Call("PATCH", "/v1/equipment/" + f.equipmentId(),
                    "{\"status\":\"maintenance\"}", f.center().token())),
            entry("PUT /v1/staff/{userId}/working-hours", f -> new Call("PUT", "/v1/staff/" + f.professionalId()
                    + "/working-hours", "{\"weekly\":[{\"day\":\"tuesday\",\"start\":\"09:00\",\"end\":"
                    + "\"13:00\"},{\"day\":\"tuesday\",\"start\":\"14:00\",\"end\":\"18:00\"}]}",
                    f.center().token())),
            entry("GET /v1/staff/{userId}/working-hours", f -> get("/v1/staff/" + f.professionalId()
                    + "/working-hours", f.center().token())),
            entry("PUT /v1/staff/{userId}/exceptions/{date}", f -> new Call("PUT", "/v1/staff/" + f.professionalId()
                    + "/exceptions/2030-01-07", "{\"windows\":[{\"start\":\"10:00\",\"end\":\"12:00\"}]}",
                    f.center().token())),
            entry("POST /v1/staff/{userId}/time-off", f -> post("/v1/staff/" + f.professionalId() + "/time-off",
                    CenterFixture.timeOff(host), f.center().token())),
            entry("GET /v1/staff/{userId}/time-off", f -> get("/v1/staff/" + f.professionalId() + "/time-off",
                    f.center().token())),
            // Online booking ---------------------------------------------------------------------------
            entry("GET /v1/public/centers/{slug}/services", f -> get("/v1/public/centers/" + slug(f)
                    + "/services", null)),
            entry("GET /v1/public/centers/{slug}/availability", f -> get("/v1/public/centers/" + slug(f)
                    + "/availability?serviceId=" + f.bookableServiceId() + "&from=" + SchedulingFixtures.day(host, 4)
                    + "&to=" + SchedulingFixtures.day(host, 10), null)),
            // The person shares the phone of a client recorded first: the booking flags a possible duplicate.
            entry("POST /v1/public/centers/{slug}/bookings", f -> {
                Map<String, Object> body = publicBooking(f);
                created(host.post("/v1/clients", Map.of("fullName", "Budget Existing", "phone", body.get("phone")),
                        f.center().token()));
                return post("/v1/public/centers/" + slug(f) + "/bookings", body, null);
            }),
            entry("GET /v1/public/bookings/{token}", f -> get("/v1/public/bookings/" + manageToken(f), null)),
            entry("POST /v1/public/bookings/{token}/confirm", f -> new Call("POST", "/v1/public/bookings/"
                    + manageToken(f) + "/confirm", "", null)),
            entry("POST /v1/public/bookings/{token}/cancel", f -> post("/v1/public/bookings/" + manageToken(f)
                    + "/cancel", Map.of("reason", "Budget reason"), null)),
            entry("POST /v1/public/bookings/{token}/reschedule", f -> post("/v1/public/bookings/"
                    + manageToken(f) + "/reschedule", Map.of("start", nextStart()), null)),
            entry("POST /v1/staff/{userId}/calendar-feed", f -> new Call("POST", feedLink(f), "", f.center().token())),
            entry("GET /v1/staff/{userId}/calendar-feed", f -> get(feedLink(f), f.center().token())),
            entry("DELETE /v1/staff/{userId}/calendar-feed", f -> {
                newFeed(f);
                return new Call("DELETE", feedLink(f), "", f.center().token());
            }),
            entry("GET /v1/calendar/{feed}", f -> get(newFeed(f).getPath(), null)),
            entry("POST /v1/invoices/{id}/payments", f -> post("/v1/invoices/" + BillingFixtures.issued(host,
                    f.center().token(), f.clientId(), 10000) + "/payments", BillingFixtures.payment("cash", 2500),
                    f.center().token())),
            entry("GET /v1/invoices/{id}/payments", f -> get("/v1/invoices/" + paidInvoice(f) + "/payments",
                    f.center().token())),
            entry("POST /v1/appointments/{id}/deposit", f -> post("/v1/appointments/" + newAppointment(f)
                    + "/deposit", BillingFixtures.payment("card", 2000), f.center().token())),
            entry("GET /v1/appointments/{id}/deposits", f -> get("/v1/appointments/" + depositedAppointment(f)
                    + "/deposits", f.center().token())),
            entry("GET /v1/reports/cash", f -> get("/v1/reports/cash?date=" + SchedulingFixtures.day(host, 0),
                    f.center().token())),
            // WhatsApp, against the fake Graph API ------------------------------------------------------
            entry("PUT /v1/whatsapp/account", f -> new Call("PUT", "/v1/whatsapp/account", TestHost.write(
                    connectBody(StatementBudgetTest.WABA, StatementBudgetTest.WHATSAPP_TOKEN)), f.center().token())),
            entry("GET /v1/whatsapp/account", f -> {
                connected(f);
                return get("/v1/whatsapp/account", f.center().token());
            }),
            entry("POST /v1/whatsapp/account/embedded-signup", f -> {
                String code = "budget-code-" + UUID.randomUUID();
                StatementBudgetTest.graph.signupCode(code, StatementBudgetTest.WHATSAPP_TOKEN);
                return post("/v1/whatsapp/account/embedded-signup", Map.of("code", code, "wabaId", StatementBudgetTest.WABA,
                        "phoneNumberId", StatementBudgetTest.PHONE_NUMBER_ID, "pin", "123456"), f.center().token());
            }),
            entry("POST /v1/whatsapp/templates/sync", f -> {
                connected(f);
                metaTemplates(2);
                return new Call("POST", "/v1/whatsapp/templates/sync", "", f.center().token());
            }),
            entry("GET /v1/whatsapp/templates", f -> get("/v1/whatsapp/templates", f.center().token())),
            entry("GET /v1/whatsapp/templates/{id}", f -> get("/v1/whatsapp/templates/" + approvedTemplate(f),
                    f.center().token())),
            entry("PATCH /v1/whatsapp/templates/{id}", f -> new Call("PATCH", "/v1/whatsapp/templates/"
                    + approvedTemplate(f), TestHost.write(Map.of("purpose", "reminder", "parameters", List.of(
                            Map.of("component", "body", "source", "client.first_name")))), f.center().token())),
            entry("POST /v1/whatsapp/templates", f -> {
                connected(f);
                return post("/v1/whatsapp/templates", Map.of("name", "budget_new_" + StatementBudgetTest.TEMPLATES.incrementAndGet(),
                        "language", "es", "category", "UTILITY", "components", List.of(Map.of("type", "BODY",
                                "text", "Hola {{1}}", "example", Map.of("body_text", List.of(List.of("Ana")))))),
                        f.center().token());
            }));

    // WhatsApp's recipes -------------------------------------------------------------------------------

    private static final String WABA = "880000000001";
    private static final String PHONE_NUMBER_ID = "770000000001";
    private static final String WHATSAPP_TOKEN = "EAAG-budget-token";
    private static final AtomicInteger TEMPLATES = new AtomicInteger();
    private static com.qleven.host.whatsapp.FakeGraphApi graph;

    private static Map<String, Object> connectBody(String waba, String token) {
        return Map.of("phoneNumberId", PHONE_NUMBER_ID, "wabaId", waba, "accessToken", token,
                "displayPhoneNumber", "+34 600 000 001");
    }

    /** The center's number connected with a token the fake accepts (uncounted). */
    private static void connected(CenterFixture f) {
        Reply reply = host.put("/v1/whatsapp/account", connectBody(WABA, WHATSAPP_TOKEN), f.center().token());
        if (reply.status() != 200) {
            throw new AssertionError("not connected: " + reply.status() + " " + reply.body());
        }
    }

    /** Adds approved templates to the business account as Meta lists them. */
    private static void metaTemplates(int n) {
        for (int i = 0; i < n; i++) {
            graph.addTemplate(WABA, "budget_listed_" + TEMPLATES.incrementAndGet(), "es", "UTILITY", "APPROVED",
                    "[{\"type\":\"BODY\",\"text\":\"Hola {{1}}, te esperamos.\"}]");
        }
    }

    /** An approved template of the registry, synced from Meta (uncounted). */
    private static synchronized String approvedTemplate(CenterFixture f) {
        connected(f);
        metaTemplates(1);
        Reply synced = host.post("/v1/whatsapp/templates/sync", "", f.center().token());
        if (synced.status() != 200) {
            throw new AssertionError("no sync: " + synced.status() + " " + synced.body());
        }
        for (var t : host.get("/v1/whatsapp/templates?limit=200", f.center().token()).json().get("items")) {
            if (t.get("status").asText().equals("APPROVED")) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError("no approved template");
    }

    // Online booking's recipes -------------------------------------------------------------------------

    private static final AtomicInteger PHONES = new AtomicInteger();

    /** The center's public slug (its settings claimed on first read). */
    private static String slug(CenterFixture f) {
        return host.get("/v1/center", f.center().token()).json().get("slug").asText();
    }

    /** A public booking of a person no one else is, accepting the fixture's purpose at its notice's version. */
    private static Map<String, Object> publicBooking(CenterFixture f) {
        String phone = String.format("611%06d", PHONES.incrementAndGet());
        return Map.of("serviceId", f.bookableServiceId(), "start", nextStart(), "professionalId",
                f.center().adminId(), "fullName", "Budget Person", "phone", phone,
                "email", TestHost.newEmail("public"), "consents", List.of(Map.of("purpose", f.purposeCode(),
                        "textVersion", noticeVersion(f))));
    }

    /** The version of the fixture purpose's notice now (the budget recipes publish new ones). */
    private static String noticeVersion(CenterFixture f) {
        return host.get("/v1/consent-purposes/" + f.purposeCode() + "/notices?limit=1", f.center().token()).json()
                .get("items").get(0).get("version").asText();
    }

    /**
     * A new open possible duplicate: a client recorded with a phone of its own, then an online
     * booking with that phone and another email; its flag's id.
     */
    private static String newDuplicate(CenterFixture f) {
        String phone = String.format("611%06d", PHONES.incrementAndGet());
        String existing = created(host.post("/v1/clients", Map.of("fullName", "Budget Existing", "phone", phone),
                f.center().token()));
        Map<String, Object> body = new java.util.HashMap<>(publicBooking(f));
        body.put("phone", phone);
        Reply booked = host.post("/v1/public/centers/" + slug(f) + "/bookings", body);
        if (booked.status() != 201) {
            throw new AssertionError("public booking not made: " + booked.status() + " " + booked.body());
        }
        String next = null;
        do {
            Reply page = host.get("/v1/client-duplicates?limit=200" + (next == null ? "" : "&cursor=" + next),
                    f.center().token());
            for (var item : page.json().get("items")) {
                if (item.get("otherClientId").asText().equals(existing)) {
                    return item.get("id").asText();
                }
            }
            next = page.json().get("next").isNull() ? null : page.json().get("next").asText();
        } while (next != null);
        throw new AssertionError("no flag for " + existing);
    }

    /** The token of a new public booking's manage link. */
    private static String manageToken(CenterFixture f) {
        Reply booked = host.post("/v1/public/centers/" + slug(f) + "/bookings", publicBooking(f));
        if (booked.status() != 201) {
            throw new AssertionError("public booking not made: " + booked.status() + " " + booked.body());
        }
        String url = booked.json().get("manageUrl").asText();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static final AtomicInteger POLICIES = new AtomicInteger();

    /** Appointments seeded for the feed's page, each on a day of its own. */
    private static final AtomicInteger SEEDED = new AtomicInteger();

    /**
     * 03:00 UTC of the {@code n}th day after the 100th from now: inside the feed's 180 days, and
     * far from the hours the fixtures book, so a seeded appointment never takes their professional's time.
     */
    private static java.time.Instant feedDay(int n) {
        return host.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                .plus(java.time.Duration.ofDays(100L + n)).plus(java.time.Duration.ofHours(3));
    }

    /** The calendar-feed link of the fixture's professional. */
    private static String feedLink(CenterFixture f) {
        return "/v1/staff/" + f.professionalId() + "/calendar-feed";
    }

    /** A new feed link of the fixture's professional, made by the administrator: its URL. */
    private static java.net.URI newFeed(CenterFixture f) {
        Reply reply = host.post(feedLink(f), Map.of(), f.center().token());
        if (reply.status() != 201) {
            throw new AssertionError("no feed link: " + reply.status() + " " + reply.body());
        }
        return java.net.URI.create(reply.json().get("url").asText());
    }

    static final String WEBHOOK_SECRET = "budget-webhook-secret";
    static final String WEBHOOK_VERIFY_TOKEN = "budget-verify-token";

    /** A status batch of ten, signed as Meta signs it. */
    private static Call signedWebhook() {
        StringBuilder statuses = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            statuses.append(i == 0 ? "" : ",").append("{\"id\":\"wamid.BUDGET").append(i)
                    .append("\",\"status\":\"delivered\",\"timestamp\":\"1767600000\",\"recipient_id\":\"34600111222\"}");
        }
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":\"77\"},\"statuses\":[" + statuses + "]}}]}]}";
        return new Call("POST", "/webhooks/whatsapp", body, null, Map.of("X-Hub-Signature-256",
                com.qleven.host.whatsapp.FakeGraphApi.signature(WEBHOOK_SECRET,
                        body.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    @BeforeAll
    static void start() {
        graph = com.qleven.host.whatsapp.FakeGraphApi.start(0).acceptToken(WHATSAPP_TOKEN)
                .appCredentials("1234567890", WEBHOOK_SECRET);
        host = TestHost.start(Map.of(com.qleven.host.config.WhatsAppSettings.GRAPH_URL, graph.baseUrl().toString(),
                com.qleven.host.config.WhatsAppSettings.APP_ID, "1234567890",
                com.qleven.host.config.WhatsAppSettings.APP_SECRET, WEBHOOK_SECRET,
                com.qleven.host.config.WhatsAppSettings.VERIFY_TOKEN, WEBHOOK_VERIFY_TOKEN,
                com.qleven.host.WhatsAppWebhookJob.EVERY, "1h"));
        ((PostgresStore) host.host().component().store()).instrument(jdbi -> {
            jdbi.setSqlLogger(new SqlLogger() {
                @Override
                public void logBeforeExecution(StatementContext context) {
                    count().ifPresent(c -> {
                        c.statements.incrementAndGet();
                        c.sent.add(context.getRenderedSql().replaceAll("\\s+", " "));
                    });
                }
            });
            jdbi.setTransactionHandler(new Counting(jdbi.getTransactionHandler()));
        });
        operator = IncidentFixtures.operator(host);
        A = CenterFixture.create(host, "Centro Budget", "budget_alpha", operator);
        // A second record of each listed kind, so a per-row query would show in a page's count.
        host.post("/v1/clients", Map.of("fullName", CenterFixture.SEARCHABLE + " Two"), A.center().token());
        host.post("/v1/privacy/requests", Map.of("clientId", A.clientId(), "type", "rectification"),
                A.center().token());
        host.post("/v1/operator/incidents", IncidentFixtures.incident(host.clock.instant().minusSeconds(30)
                .toString(), List.of(A.center().tenantId()), List.of("contact")), operator);
        SchedulingSeed.appointment(host, A.center().tenantId(), A.center().token(), A.professionalId(),
                feedDay(SEEDED.incrementAndGet()));
        // The platform's webhook key is made by the first webhook ever kept, once: the row measures the
        // steady state.
        assertThat(send(signedWebhook(), "warm-" + UUID.randomUUID()).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        System.out.println("Statement budget, measured (transactions/statements):");
        MEASURED.forEach((op, count) -> System.out.println("  " + op + " " + count));
        host.close();
        graph.close();
    }

    private static final class Counting extends DelegatingTransactionHandler {
        Counting(TransactionHandler delegate) {
            super(delegate);
        }

        @Override
        public void begin(Handle handle) {
            count().ifPresent(c -> c.transactions.incrementAndGet());
            super.begin(handle);
        }
    }

    /**
     * Seals the audit events earlier requests appended, uncounted: the routes that read the trail
     * seal what is due first, and the backlog other requests left is not their own cost.
     */
    private static void sealTheBacklog() {
        host.host().component().auditSealJob().runOnce();
    }

    private static java.util.Optional<Count> count() {
        String id = MDC.get("requestId");
        return id == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(COUNTS.get(id));
    }

    @Test
    @Order(0)
    void everyOperationHasABudgetAndARecipe() {
        Set<String> operations = OPERATIONS.stream().map(OpenApiRoutes.Operation::toString)
                .collect(Collectors.toSet());
        assertThat(operations).isNotEmpty();
        assertThat(operations).allSatisfy(op -> assertThat(BUDGETS)
                .as("give " + op + " its row in StatementBudgetTest.BUDGETS").containsKey(op));
        assertThat(operations).allSatisfy(op -> assertThat(RECIPES)
                .as("say in StatementBudgetTest.RECIPES how to call " + op).containsKey(op));
        assertThat(BUDGETS.keySet()).as("budgets for operations openapi.json does not have")
                .allSatisfy(op -> assertThat(operations).contains(op));
        assertThat(RECIPES.keySet()).allSatisfy(op -> assertThat(operations).contains(op));
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyOperationKeepsItsBudget() {
        return OPERATIONS.stream().filter(op -> RECIPES.containsKey(op.toString()) && BUDGETS.containsKey(
                op.toString())).map(op -> DynamicTest.dynamicTest(op.toString(), () -> {
                    Call call = RECIPES.get(op.toString()).apply(A);
                    String requestId = "budget-" + UUID.randomUUID();
                    Count count = new Count();
                    sealTheBacklog();
                    COUNTS.put(requestId, count);
                    Reply reply = send(call, requestId);
                    COUNTS.remove(requestId);
                    assertThat(reply.status()).as(op + " answered " + reply.body()).isLessThan(500);
                    synchronized (MEASURED) {
                        MEASURED.put(op.toString(), count.transactions.get() + "/" + count.statements.get()
                                + " (" + reply.status() + ")");
                    }
                    Budget budget = BUDGETS.get(op.toString());
                    assertThat(count.transactions.get()).as(op + " transactions").isLessThanOrEqualTo(
                            budget.transactions());
                    assertThat(count.statements.get()).as(op + " statements: " + String.join("\n", count.sent))
                            .isLessThanOrEqualTo(
                            budget.statements());
                }));
    }

    /**
     * The list and search pages, each with how to add two more of its rows: a page must cost the
     * same with two more rows on it (no query per row), except the pages of {@link #PER_ROW}.
     */
    private static final Map<String, Runnable> MORE_ROWS = Map.ofEntries(
            entry("GET /v1/messages", () -> twice(() -> MessagingProbe.newUncertain(host, A))),
            entry("GET /v1/campaigns", () -> twice(() -> MessagingProbe.newCampaign(host, A, List.of(A.clientId())))),
            entry("GET /v1/devices", () -> twice(() -> DevicesProbe.newDevice(host, A))),
            entry("GET /v1/devices/{id}/commands", () -> twice(() -> DevicesProbe.newCommand(host, A))),
            entry("GET /v1/clients/{id}/conversation", () -> twice(() -> MessagingProbe.newInbound(host, A))),
            entry("GET /v1/whatsapp/contacts", () -> twice(() -> MessagingProbe.newWaitingContact(host, A))),
            entry("GET /v1/users", () -> twice(() -> host.post("/v1/users", TestHost.userBody(
                    TestHost.newEmail("budget"), "receptionist"), A.center().token()))),
            entry("GET /v1/invitations", () -> twice(() -> host.post("/v1/invitations", Map.of("email",
                    TestHost.newEmail("budget"), "role", "receptionist"), A.center().token()))),
            // With billing identities: their finance key is read with the clients' keys, not per row.
            entry("GET /v1/clients", () -> twice(() -> host.post("/v1/clients", Map.of("fullName",
                    CenterFixture.SEARCHABLE + " More", "billingIdentity", Map.of("name", "More Billing SL")),
                    A.center().token()))),
            entry("POST /v1/clients/search", () -> twice(() -> host.post("/v1/clients", Map.of("fullName",
                    CenterFixture.SEARCHABLE + " More"), A.center().token()))),
            entry("GET /v1/privacy/requests", () -> twice(() -> host.post("/v1/privacy/requests", Map.of(
                    "clientId", A.clientId(), "type", "access"), A.center().token()))),
            entry("GET /v1/incidents", StatementBudgetTest::twoIncidents),
            entry("GET /v1/notifications", StatementBudgetTest::twoIncidents),
            entry("GET /v1/operator/incidents", StatementBudgetTest::twoIncidents),
            entry("GET /v1/sessions", () -> twice(() -> host.login(A.center().adminEmail(), TestHost.PASSWORD, null))),
            entry("GET /v1/appointments", () -> twice(() -> newAppointment(A))),
            entry("GET /v1/waitlist", () -> twice(() -> created(host.post("/v1/waitlist", Map.of("clientId",
                    A.clientId(), "serviceId", A.bookableServiceId(), "from", SchedulingFixtures.day(host, 2).toString(),
                    "to", SchedulingFixtures.day(host, 9).toString()), A.center().token())))),
            entry("GET /v1/consent-purposes/{code}/notices", () -> twice(() -> host.put("/v1/consent-purposes/"
                    + A.purposeCode() + "/notice", Map.of("text", "More " + UUID.randomUUID()),
                    A.center().token()))),
            entry("GET /v1/consent-purposes", () -> twice(() -> host.post("/v1/consent-purposes", Map.of("code",
                    "more_" + UUID.randomUUID().toString().substring(0, 8), "description", "More", "marketing",
                    false), A.center().token()))),
            entry("GET /v1/privacy/subprocessors", () -> twice(() -> host.post("/v1/operator/subprocessors",
                    subprocessor(), operator))),
            entry("GET /v1/clients/{id}/consents", () -> twice(() -> host.post("/v1/clients/" + A.clientId()
                    + "/consents", Map.of("purpose", A.purposeCode(), "decision", "grant", "channel", "paper",
                    "textVersion", "v1", "text", "I agree."), A.center().token()))),
            entry("GET /v1/tax-rates", () -> twice(() -> newTaxRate(A))),
            entry("GET /v1/invoices", () -> twice(() -> newIssued(A))),
            entry("GET /v1/packages", () -> twice(() -> newPackage(A))),
            entry("GET /v1/clients/{id}/packages", () -> twice(() -> newClientPackage(A))),
            entry("GET /v1/client-duplicates", () -> twice(() -> newDuplicate(A))),
            entry("GET /v1/services", () -> twice(() -> created(host.post("/v1/services",
                    CenterFixture.service(A.professionalId()), A.center().token())))),
            entry("GET /v1/rooms", () -> twice(() -> created(host.post("/v1/rooms", Map.of("name", "More"),
                    A.center().token())))),
            entry("GET /v1/equipment", () -> twice(() -> created(host.post("/v1/equipment", Map.of("name", "More",
                    "kind", "laser"), A.center().token())))),
            entry("GET /v1/staff/{userId}/time-off", () -> twice(() -> created(host.post("/v1/staff/"
                    + A.professionalId() + "/time-off", CenterFixture.timeOff(host), A.center().token())))),
            // Two more appointments of the member, each of a client and a service of its own.
            entry("GET /v1/invoices/{id}/payments", () -> twice(() -> created(host.post("/v1/invoices/"
                    + paidInvoice(A) + "/payments", BillingFixtures.payment("card", 100), A.center().token())))),
            entry("GET /v1/appointments/{id}/deposits", () -> twice(() -> created(host.post("/v1/appointments/"
                    + depositedAppointment(A) + "/deposit", BillingFixtures.payment("cash", 100),
                    A.center().token())))),
            entry("GET /v1/whatsapp/templates", () -> {
                metaTemplates(2);
                assertThat(host.post("/v1/whatsapp/templates/sync", "", A.center().token()).status()).isEqualTo(200);
            }),
            entry("GET /v1/calendar/{feed}", () -> twice(() -> SchedulingSeed.appointment(host, A.center().tenantId(),
                    A.center().token(), A.professionalId(), feedDay(SEEDED.incrementAndGet())))));

    /**
     * Pages that still cost more with more rows, and why: each must cost MORE with two more rows
     * (so that the entry goes once the page is fixed).
     */
    private static final Map<String, String> PER_ROW = Map.of();

    /** After the budgets, since it adds rows to the pages. */
    @TestFactory
    @Order(2)
    Stream<DynamicTest> aPageCostsTheSameWithMoreRows() {
        return MORE_ROWS.keySet().stream().sorted().map(op -> DynamicTest.dynamicTest(op, () -> {
            int before = statements(op);
            MORE_ROWS.get(op).run();
            int after = statements(op);
            if (PER_ROW.containsKey(op)) {
                assertThat(after).as(op + " is listed as per row (" + PER_ROW.get(op) + "); it no longer is: "
                        + "remove it from PER_ROW").isGreaterThan(before);
            } else {
                assertThat(after).as(op + " sends a query per row").isEqualTo(before);
            }
        }));
    }

    @Test
    @Order(0)
    void everyPageNamesAnOperation() {
        assertThat(MORE_ROWS.keySet()).containsAll(PER_ROW.keySet());
        assertThat(MORE_ROWS.keySet()).allSatisfy(op -> assertThat(BUDGETS).containsKey(op));
    }

    private static int statements(String op) {
        Call call = RECIPES.get(op).apply(A);
        String requestId = "budget-" + UUID.randomUUID();
        Count count = new Count();
        sealTheBacklog();
        COUNTS.put(requestId, count);
        Reply reply = send(call, requestId);
        COUNTS.remove(requestId);
        assertThat(reply.status()).as(op + " answered " + reply.body()).isEqualTo(200);
        return count.statements.get();
    }

    /**
     * Availability runs a bounded number of statements whatever the range: a week and two months
     * (more days, more busy intervals, the same professionals) cost the same.
     */
    @Test
    @Order(3)
    void availabilityCostsTheSameForAWeekAndTwoMonths() {
        String base = "/v1/availability?serviceId=" + A.bookableServiceId() + "&from=" + SchedulingFixtures.day(host, 1);
        int week = statements(get(base + "&to=" + SchedulingFixtures.day(host, 7), A.center().token()));
        int months = statements(get(base + "&to=" + SchedulingFixtures.day(host, 60), A.center().token()));
        assertThat(months).as("a 60-day search costs what a 7-day one does").isEqualTo(week);
    }

    private static final AtomicInteger BOOKINGS = new AtomicInteger();

    /** The next free start of the fixture's professional: a new hour each time, 07:00 to 20:00, day after day. */
    private static String nextStart() {
        int n = BOOKINGS.getAndIncrement();
        return SchedulingFixtures.start(host, 6 + n / 14, 7 + n % 14, 0);
    }

    /** A series' first start, far from the single bookings, on the half hour. */
    private static String seriesStart() {
        int n = BOOKINGS.getAndIncrement();
        return SchedulingFixtures.start(host, 40 + n / 14, 7 + n % 14, 30);
    }

    private static Map<String, Object> booking(CenterFixture f) {
        return Map.of("clientId", f.clientId(), "serviceId", f.bookableServiceId(), "start", nextStart(),
                "professionalId", f.center().adminId());
    }

    private static String newAppointment(CenterFixture f) {
        return created(host.post("/v1/appointments", booking(f), f.center().token()));
    }

    private static final AtomicInteger OFFERS = new AtomicInteger();

    /**
     * An entry holding an offer, with a client of its own (with an email) waiting after it for the
     * same slot, so that a decline or a withdrawal passes the slot on and mails: a day of its own
     * from the 60th on is booked, waited for and cancelled.
     */
    private static String offeredEntry(CenterFixture f) {
        String day = SchedulingFixtures.day(host, 60 + OFFERS.get()).toString();
        String start = SchedulingFixtures.start(host, 60 + OFFERS.getAndIncrement(), 9, 0);
        String appointment = created(host.post("/v1/appointments", Map.of("clientId", f.clientId(), "serviceId",
                f.bookableServiceId(), "start", start, "professionalId", f.center().adminId()), f.center().token()));
        String entry = created(host.post("/v1/waitlist", Map.of("clientId", f.clientId(), "serviceId",
                f.bookableServiceId(), "from", day, "to", day), f.center().token()));
        String next = created(host.post("/v1/clients", Map.of("fullName", "Budget Waiting", "email",
                TestHost.newEmail("waiting")), f.center().token()));
        host.clock.advance(java.time.Duration.ofMillis(1));
        created(host.post("/v1/waitlist", Map.of("clientId", next, "serviceId", f.bookableServiceId(), "from", day,
                "to", day), f.center().token()));
        Reply cancelled = host.post("/v1/appointments/" + appointment + "/cancel", Map.of("reason", "Budget"),
                f.center().token());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(host.get("/v1/waitlist/" + entry, f.center().token()).json().get("status").asText())
                .isEqualTo("offered");
        return entry;
    }

    private static Call act(String appointment, String verb, String body) {
        return new Call("POST", "/v1/appointments/" + appointment + "/" + verb, body, A.center().token());
    }

    private static int statements(Call call) {
        String requestId = "budget-" + UUID.randomUUID();
        Count count = new Count();
        sealTheBacklog();
        COUNTS.put(requestId, count);
        Reply reply = send(call, requestId);
        COUNTS.remove(requestId);
        assertThat(reply.status()).as(call.path() + " answered " + reply.body()).isEqualTo(200);
        return count.statements.get();
    }

    /**
     * A campaign's statements do not grow with its recipients: creating one for fifty clients costs
     * what one for one client does, and so do reading it and its recipients' page.
     */
    @Test
    @Order(3)
    void aCampaignOfFiftyCostsWhatACampaignOfOneDoes() {
        List<String> fifty = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(created(host.post("/v1/clients", Map.of("fullName", "Budget Recipient " + i,
                    "phone", String.format("+34699%06d", PHONES.incrementAndGet())), A.center().token())));
        }
        int one = statements(post("/v1/campaigns", MessagingProbe.campaignBody(host, A, List.of(A.clientId())),
                A.center().token()), 201);
        int many = statements(post("/v1/campaigns", MessagingProbe.campaignBody(host, A, fifty), A.center().token()),
                201);
        assertThat(many).as("a campaign of 50 costs what a campaign of 1 does").isEqualTo(one);
        String small = MessagingProbe.newCampaign(host, A, List.of(A.clientId()));
        String large = MessagingProbe.newCampaign(host, A, fifty);
        assertThat(statements(get("/v1/campaigns/" + large, A.center().token())))
                .isEqualTo(statements(get("/v1/campaigns/" + small, A.center().token())));
        assertThat(statements(get("/v1/campaigns/" + large + "/recipients?limit=100", A.center().token())))
                .isEqualTo(statements(get("/v1/campaigns/" + small + "/recipients?limit=100", A.center().token())));
    }

    private static int statements(Call call, int status) {
        String requestId = "budget-" + UUID.randomUUID();
        Count count = new Count();
        sealTheBacklog();
        COUNTS.put(requestId, count);
        Reply reply = send(call, requestId);
        COUNTS.remove(requestId);
        assertThat(reply.status()).as(call.path() + " answered " + reply.body()).isEqualTo(status);
        return count.statements.get();
    }

    private static void twice(Runnable add) {
        add.run();
        add.run();
    }

    private static void twoIncidents() {
        twice(() -> created(host.post("/v1/operator/incidents", IncidentFixtures.incident(
                host.clock.instant().minusSeconds(20).toString(), List.of(A.center().tenantId()),
                List.of("contact")), operator)));
    }

    private static Call get(String path, String token) {
        return new Call("GET", path, "", token);
    }

    private static Call post(String path, Object body, String token) {
        return new Call("POST", path, TestHost.write(body), token);
    }

    private static String newRequest(CenterFixture f) {
        return created(host.post("/v1/privacy/requests", Map.of("clientId", f.clientId(), "type", "access"),
                f.center().token()));
    }

    /**
     * A booked appointment seeded in the past (so a no-show may be recorded and a cancellation is
     * late), the center charging a fixed no-show fee and half the price for a late cancellation.
     */
    private static String startedWithFees(CenterFixture f) {
        String seeded = SchedulingSeed.appointment(host, f.center().tenantId(), f.center().token(),
                f.professionalId(), feedDay(SEEDED.incrementAndGet()).minus(java.time.Duration.ofDays(200)))
                .value().toString();
        Reply saved = host.put("/v1/billing-settings", Map.of("priceBasis", "tax_included",
                "noShowFee", Map.of("amount", Map.of("amountMinor", 1500, "currency", "EUR")),
                "lateCancellationFee", Map.of("percent", "50")), f.center().token());
        if (saved.status() != 200) {
            throw new AssertionError("no fee policy: " + saved.status() + " " + saved.body());
        }
        return seeded;
    }

    /** A new draft invoice of the fixture's client. */
    private static String newDraft(CenterFixture f) {
        return created(host.post("/v1/invoices", CenterFixture.invoice(f.clientId()), f.center().token()));
    }

    /** A new issued invoice of the fixture's client. */
    private static String newIssued(CenterFixture f) {
        String id = newDraft(f);
        Reply issued = host.post("/v1/invoices/" + id + "/issue", Map.of(), f.center().token());
        if (issued.status() != 200) {
            throw new AssertionError("not issued: " + issued.status() + " " + issued.body());
        }
        return id;
    }

    /** A new package of the fixture's catalogue service. */
    private static String newPackage(CenterFixture f) {
        return created(host.post("/v1/packages", CenterFixture.prepaidPackage(f.serviceId()), f.center().token()));
    }

    /** The fixture's package sold again to the fixture's client; the client package's id. */
    private static String newClientPackage(CenterFixture f) {
        return created(host.post("/v1/clients/" + f.clientId() + "/packages", Map.of("packageId", f.packageId()),
                f.center().token()));
    }

    /** A new tax rate's body, of a code no other has. */
    private static Map<String, Object> taxRate() {
        return Map.of("code", "b" + UUID.randomUUID().toString().substring(0, 8), "name", "Budget rate", "rate", "5.5");
    }

    /** The code of a tax rate just added, to retire. */
    private static String newTaxRate(CenterFixture f) {
        Map<String, Object> rate = taxRate();
        Reply reply = host.post("/v1/tax-rates", rate, f.center().token());
        if (reply.status() != 201) {
            throw new AssertionError("not added: " + reply.status() + " " + reply.body());
        }
        return (String) rate.get("code");
    }

    private static Map<String, Object> subprocessor() {
        return Map.of("name", "Budget " + UUID.randomUUID(), "purpose", "Budget", "region", "European Union",
                "transferSafeguard", "Processed in the European Union");
    }

    /** A new policy version's body, not yet sent. */
    private static Map<String, Object> policyVersion() {
        return Map.of("version", "budget-" + POLICIES.incrementAndGet(), "text", "Budget policy",
                "effectiveAt", host.clock.instant().minusSeconds(5).toString());
    }

    /** A policy version the operator has published, to accept. */
    private static String publishedVersion() {
        Map<String, Object> version = policyVersion();
        Reply reply = host.post("/v1/operator/policy-versions", version, operator);
        if (reply.status() != 201) {
            throw new AssertionError("not published: " + reply.status() + " " + reply.body());
        }
        return (String) version.get("version");
    }

    private static String paidInvoice;
    private static String depositedAppointment;

    /** One issued invoice of the fixture with a payment on it, made once: its payments page grows by MORE_ROWS. */
    private static synchronized String paidInvoice(CenterFixture f) {
        if (paidInvoice == null) {
            paidInvoice = BillingFixtures.issued(host, f.center().token(), f.clientId(), 100000);
            created(host.post("/v1/invoices/" + paidInvoice + "/payments", BillingFixtures.payment("cash", 100),
                    f.center().token()));
        }
        return paidInvoice;
    }

    /** One booked appointment of the fixture with a deposit taken, made once. */
    private static synchronized String depositedAppointment(CenterFixture f) {
        if (depositedAppointment == null) {
            depositedAppointment = newAppointment(f);
            created(host.post("/v1/appointments/" + depositedAppointment + "/deposit",
                    BillingFixtures.payment("cash", 100), f.center().token()));
        }
        return depositedAppointment;
    }

    private static String created(Reply reply) {
        if (reply.status() != 201) {
            throw new AssertionError("not created: " + reply.status() + " " + reply.body());
        }
        return reply.json().get("id").asText();
    }

    private static Reply send(Call call, String requestId) {
        HttpRequest.Builder request = host.request(call.path()).header("X-Request-Id", requestId);
        if (call.token() != null) {
            request.header("Authorization", "Bearer " + call.token());
        }
        call.headers().forEach(request::header);
        boolean sendsBody = !call.body().isEmpty();
        if (sendsBody) {
            request.header("Content-Type", "application/json");
        }
        request.method(call.method(), sendsBody ? HttpRequest.BodyPublishers.ofString(call.body())
                : HttpRequest.BodyPublishers.noBody());
        return host.send(request.build());
    }
}
