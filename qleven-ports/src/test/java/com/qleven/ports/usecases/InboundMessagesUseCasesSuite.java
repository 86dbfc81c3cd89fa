package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.application.messaging.InboundListener;
import com.qleven.application.messaging.TokenSeal;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.InboundKind;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.MessageStatus;
import com.qleven.domain.privacy.CenterNotification;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.messaging.in.ContactView;
import com.qleven.ports.messaging.in.ConversationItem;
import com.qleven.ports.messaging.in.ConversationView;
import com.qleven.ports.messaging.in.MessageView;
import com.qleven.ports.messaging.in.WebhookRun;
import com.qleven.ports.messaging.out.AccessToken;
import com.qleven.ports.messaging.out.ConnectedAccount;
import com.qleven.ports.messaging.out.MalformedWebhookException;
import com.qleven.ports.messaging.out.ParsedWebhook;
import com.qleven.ports.messaging.out.PreferenceChange;
import com.qleven.ports.messaging.out.ReceivedMessage;
import com.qleven.ports.messaging.out.WebhookParser;
import com.qleven.ports.messaging.out.WebhookValueError;
import com.qleven.ports.messaging.out.WhatsAppContact;
import com.qleven.ports.privacy.in.CreatePrivacyRequestCommand;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients' inbound WhatsApp messages against every store, through the facades, from parsed webhooks
 * (a stub parser hands the service the records a body stands for): each event delivered three times
 * in a shuffled order ends in the same state, each message stored and passed to the listener once;
 * reactions show their latest state whatever the order; media are kept by id; a number change moves
 * the contact and the clients; unmatched and shared numbers wait for staff, who are told once; Meta's
 * errors are counted; free text goes only inside the window; export and erasure.
 */
public abstract class InboundMessagesUseCasesSuite extends UseCasesSuiteBase {
    private static final Instant NOW = Instant.parse("2027-03-20T08:00:00Z");
    private static final String LUCIA = "34600111222";
    private static final String FAMILY = "34600333444";
    private static final String STRANGER = "34611000000";

    private MutableClock clock;
    private QlevenStore store;
    private Qleven qleven;
    private ClientInfo from;
    private final Map<String, ParsedWebhook> bodies = new ConcurrentHashMap<>();
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final List<List<ClientId>> heardClients = new CopyOnWriteArrayList<>();
    private final List<String> heardPreferences = new CopyOnWriteArrayList<>();

    @BeforeEach
    void buildCore() {
        clock = new MutableClock(NOW);
        from = clientAtAnAddressOfItsOwn("test", Optional.empty());
        store = newStore();
        FieldCipher cipher = cipher(store);
        WebhookParser parser = body -> {
            ParsedWebhook parsed = bodies.get(new String(body, StandardCharsets.UTF_8));
            if (parsed == null) {
                throw new MalformedWebhookException("not a body of this test");
            }
            return parsed;
        };
        qleven = core(store, cipher).clock(clock).signupsPerAddressPerHour(1000).webhookParser(parser)
                .inboundListener(new InboundListener() {
                    @Override
                    public void onMessage(TenantId tenant, ReceivedMessage message, List<ClientId> clients) {
                        heard.add(message.wamid());
                        heardClients.add(clients);
                    }

                    @Override
                    public void onPreference(TenantId tenant, PreferenceChange change, List<ClientId> clients) {
                        heardPreferences.add(change.category() + ":" + change.value() + ":" + clients.size());
                    }
                }).build();
    }

    private record Center(TenantId tenant, Principal admin, Principal desk, Principal professional, ClientId lucia,
                          ClientId parent, ClientId child, String phoneNumberId) {
    }

    private Center center() {
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        TenantId tenant = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica Sol " + UUID.randomUUID().toString().substring(0, 8)).address("Calle 1")
                .taxId("B1").country("ES").timeZone("Europe/Madrid").currency("EUR").fullName("Ana Admin")
                .email(adminEmail).password(STAFF_PASSWORD).ageConfirmed(true).client(from).build()).tenantId();
        Principal admin = signIn(qleven, adminEmail, from);
        Principal professional = staff(qleven, admin, "professional", from);
        Principal desk = staff(qleven, admin, "receptionist", from);
        ClientId lucia = client(admin, "Lucía Fernández Ruiz", "600 111 222");
        ClientId parent = client(admin, "Marta Parent", "600 333 444");
        ClientId child = client(admin, "Leo Child", "600 333 444");
        String phoneNumberId = "1" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        FieldCipher cipher = cipher(store);
        store.shared().transactions().inTenant(tenant, () -> {
            store.messaging().accounts().save(new ConnectedAccount(tenant, phoneNumberId, "2" + phoneNumberId,
                    "+34 910 000 000", new TokenSeal(cipher).seal(tenant, phoneNumberId,
                    new AccessToken("EAAtoken" + phoneNumberId)), ConnectedAccount.AccountStatus.CONNECTED, NOW,
                    NOW, 1));
            return null;
        });
        return new Center(tenant, admin, desk, professional, lucia, parent, child, phoneNumberId);
    }

    private ClientId client(Principal admin, String name, String phone) {
        return qleven.clients().create(admin, CreateClientCommand.builder().fullName(name).phone(phone).build()).id();
    }

    // --- what Meta sends, as the parser reads it ------------------------------------------------------

    private static ReceivedMessage text(Center c, String from, String wamid, long second, String text) {
        return new ReceivedMessage(c.phoneNumberId(), wamid, from, Optional.of("Lu"), NOW.minusSeconds(600 - second),
                "text", Optional.of(text), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of());
    }

    private static ReceivedMessage reaction(Center c, String wamid, long second, String target, String emoji) {
        return new ReceivedMessage(c.phoneNumberId(), wamid, LUCIA, Optional.of("Lu"), NOW.minusSeconds(600 - second),
                "reaction", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new ReceivedMessage.Reaction(target, Optional.ofNullable(emoji))), Optional.empty(),
                List.of());
    }

    private static ReceivedMessage image(Center c, String wamid, long second) {
        return new ReceivedMessage(c.phoneNumberId(), wamid, LUCIA, Optional.of("Lu"), NOW.minusSeconds(600 - second),
                "image", Optional.of("mi espalda"), Optional.empty(), Optional.empty(),
                Optional.of(new ReceivedMessage.Media("1234567890", Optional.of("image/jpeg"), Optional.of("abc"),
                        Optional.empty())), Optional.empty(), Optional.empty(), List.of());
    }

    private static ReceivedMessage button(Center c, String wamid, long second) {
        return new ReceivedMessage(c.phoneNumberId(), wamid, LUCIA, Optional.of("Lu"), NOW.minusSeconds(600 - second),
                "button", Optional.of("Confirmar"), Optional.of("wamid.OUT1"), Optional.of("CONFIRM"),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    private static ParsedWebhook messages(ReceivedMessage... messages) {
        return new ParsedWebhook(List.of(), List.of(), List.of(messages), List.of(), List.of(), 0);
    }

    /** Posts each event three times, shuffled, then processes them all; the runs' sum. */
    private WebhookRun deliver(long seed, ParsedWebhook... events) {
        List<String> keys = new ArrayList<>();
        for (ParsedWebhook e : events) {
            String key = "event-" + UUID.randomUUID();
            bodies.put(key, e);
            keys.add(key);
        }
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            posts.addAll(keys);
        }
        Collections.shuffle(posts, new Random(seed));
        WebhookRun run = WebhookRun.NONE;
        for (String post : posts) {
            qleven.messaging().receiveWebhook(post.getBytes(StandardCharsets.UTF_8));
            // Processed as they come, a few at a time: replays meet what is already stored.
            if (post.hashCode() % 2 == 0) {
                run = run.plus(qleven.messaging().processWebhooks(2));
            }
        }
        WebhookRun more;
        do {
            more = qleven.messaging().processWebhooks(50);
            run = run.plus(more);
        } while (more.events() > 0);
        return run;
    }

    private ConversationView conversation(Center c, ClientId client) {
        return qleven.messaging().conversation(c.admin(), client, PageRequest.first());
    }

    // --- processing ----------------------------------------------------------------------------------

    @Test
    void eachMessageIsStoredAndHeardOnceWhateverTheOrderAndTheReplays() {
        for (long seed : new long[] {1, 2, 3}) {
            Center c = center();
            heard.clear();
            heardClients.clear();
            WebhookRun run = deliver(seed,
                    messages(text(c, LUCIA, "wamid.T1", 0, "Hola, ¿tenéis cita el martes?")),
                    messages(reaction(c, "wamid.R1", 10, "wamid.T1", "👍"), reaction(c, "wamid.R2", 20, "wamid.T1", null)),
                    messages(image(c, "wamid.I1", 30)),
                    messages(reaction(c, "wamid.R3", 40, "wamid.I1", "❤")),
                    messages(button(c, "wamid.B1", 50)));

            assertThat(run.inboundMessages()).as("seed %s", seed).isEqualTo(6);
            assertThat(run.replayedMessages()).isEqualTo(12);
            assertThat(run.processed()).isEqualTo(15);
            assertThat(heard).containsExactlyInAnyOrder("wamid.T1", "wamid.R1", "wamid.R2", "wamid.I1", "wamid.R3",
                    "wamid.B1");
            assertThat(heardClients).allSatisfy(clients -> assertThat(clients).containsExactly(c.lucia()));

            ConversationView view = conversation(c, c.lucia());
            assertThat(view.items()).extracting(ConversationItem::wamid).containsExactly(Optional.of("wamid.B1"),
                    Optional.of("wamid.I1"), Optional.of("wamid.T1"));
            ConversationItem b1 = view.items().get(0);
            assertThat(b1.kind()).contains(InboundKind.BUTTON);
            assertThat(b1.replyTo()).contains("wamid.OUT1");
            assertThat(b1.replyId()).contains("CONFIRM");
            assertThat(b1.text()).contains("Confirmar");
            ConversationItem i1 = view.items().get(1);
            assertThat(i1.media()).contains(new ConversationItem.Media("1234567890", Optional.of("image/jpeg"),
                    Optional.empty()));
            assertThat(i1.text()).contains("mi espalda");
            assertThat(i1.reaction()).contains("❤");
            ConversationItem t1 = view.items().get(2);
            assertThat(t1.direction()).isEqualTo("in");
            assertThat(t1.text()).contains("Hola, ¿tenéis cita el martes?");
            assertThat(t1.reaction()).as("removed after it was added").isEmpty();
            assertThat(view.windowOpen()).isTrue();
            assertThat(view.lastInboundAt()).contains(NOW.minusSeconds(550));
            assertThat(view.windowClosesAt()).contains(NOW.minusSeconds(550).plus(Duration.ofHours(24)));
        }
    }

    @Test
    void aReactionShowsItsLatestStateInEitherOrder() {
        Center first = center();
        deliver(7, messages(text(first, LUCIA, "wamid.T1", 0, "hola")));
        // The removal comes first, the add (earlier by Meta's time) after: still removed.
        deliver(7, messages(reaction(first, "wamid.R2", 20, "wamid.T1", null)));
        deliver(7, messages(reaction(first, "wamid.R1", 10, "wamid.T1", "👍")));
        assertThat(conversation(first, first.lucia()).items().get(0).reaction()).isEmpty();

        Center second = center();
        deliver(8, messages(text(second, LUCIA, "wamid.T1", 0, "hola")));
        // A removal earlier than the add: the add stands, whichever came first.
        deliver(8, messages(reaction(second, "wamid.R1", 20, "wamid.T1", "👍")));
        deliver(8, messages(reaction(second, "wamid.R2", 10, "wamid.T1", null)));
        assertThat(conversation(second, second.lucia()).items().get(0).reaction()).contains("👍");
    }

    @Test
    void aNumberChangeMovesTheContactAndTheClientsPhone() {
        Center c = center();
        ReceivedMessage changed = new ReceivedMessage(c.phoneNumberId(), "wamid.S1", LUCIA, Optional.empty(),
                NOW.minusSeconds(60), "system", Optional.of("User A changed from 34600111222 to 34600999888"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new ReceivedMessage.SystemChange("user_changed_number", Optional.of("34600999888"))),
                List.of());
        WebhookRun run = deliver(3, messages(text(c, LUCIA, "wamid.T1", 0, "hola")), messages(changed));

        assertThat(run.inboundMessages()).isEqualTo(2);
        assertThat(heard).containsOnlyOnce("wamid.S1");
        assertThat(qleven.clients().get(c.admin(), c.lucia()).phone()).contains("+34600999888");
        // On the audit trail with no actor (WhatsApp reported it), the wamid as evidence; the other
        // clients untouched.
        assertThat(qleven.audit().list(c.admin(), new PageRequest(200, Optional.empty())).items().stream()
                .map(r -> r.event()).filter(e -> e.action().equals("client.phone_changed")).toList())
                .singleElement().satisfies(e -> {
                    assertThat(e.subjectId()).contains(c.lucia().value());
                    assertThat(e.actor()).isEmpty();
                    assertThat(e.purpose()).endsWith("wamid.S1");
                });
        assertThat(qleven.clients().get(c.admin(), c.parent()).phone()).contains("+34600333444");
        // The window follows the person to the new number.
        ConversationView view = conversation(c, c.lucia());
        assertThat(view.windowOpen()).isTrue();
        assertThat(view.lastInboundAt()).contains(NOW.minusSeconds(60));
        assertThat(view.items()).extracting(ConversationItem::kind).containsExactly(Optional.of(InboundKind.SYSTEM),
                Optional.of(InboundKind.TEXT));
        // A message from the new number is the client's.
        deliver(4, messages(text(c, "34600999888", "wamid.T2", 590, "ya con el nuevo")));
        assertThat(conversation(c, c.lucia()).items().get(0).text()).contains("ya con el nuevo");
        assertThat(qleven.messaging().whatsAppContacts(c.admin(), "unmatched", PageRequest.first()).items()).isEmpty();
    }

    @Test
    void unmatchedAndSharedNumbersWaitForStaffWhoAreToldOnce() {
        Center c = center();
        deliver(5, messages(text(c, FAMILY, "wamid.F1", 0, "soy la madre de Leo")),
                messages(text(c, FAMILY, "wamid.F2", 10, "¿hay hueco?")),
                messages(text(c, STRANGER, "wamid.X1", 20, "¿precio?")));

        assertThat(heardClients).contains(List.of());
        assertThat(heardClients.stream().filter(l -> l.size() == 2)).hasSize(2);
        List<ContactView> shared = qleven.messaging().whatsAppContacts(c.desk(), "shared", PageRequest.first()).items();
        assertThat(shared).singleElement().satisfies(v -> {
            assertThat(v.number()).isEqualTo("+" + FAMILY);
            assertThat(v.messages()).isEqualTo(2);
            assertThat(v.status()).isEqualTo("shared");
            assertThat(v.profileName()).contains("Lu");
            assertThat(v.lastMessageAt()).isEqualTo(NOW.minusSeconds(590));
        });
        List<ContactView> unmatched = qleven.messaging().whatsAppContacts(c.desk(), "unmatched", PageRequest.first())
                .items();
        assertThat(unmatched).extracting(ContactView::number).containsExactly("+" + STRANGER);
        List<CenterNotification> told = qleven.privacy().notifications(c.admin(), PageRequest.first()).items().stream()
                .filter(n -> n.kind().startsWith("whatsapp_")).toList();
        assertThat(told).extracting(CenterNotification::kind).containsExactlyInAnyOrder("whatsapp_shared_contact",
                "whatsapp_unmatched_contact");
        assertThat(told).allSatisfy(n -> assertThat(n.text()).doesNotContain(FAMILY).doesNotContain(STRANGER));
        assertThat(conversation(c, c.parent()).items()).isEmpty();

        UUID family = shared.get(0).id();
        assertThatThrownBy(() -> qleven.messaging().attributeContact(c.desk(), family, c.lucia()))
                .isInstanceOf(UnprocessableException.class);
        assertThatThrownBy(() -> qleven.messaging().attributeContact(c.professional(), family, c.parent()))
                .isInstanceOf(ForbiddenException.class);
        Center other = center();
        assertThatThrownBy(() -> qleven.messaging().attributeContact(other.desk(), family, other.parent()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.messaging().attributeContact(c.desk(), family, other.parent()))
                .isInstanceOf(NotFoundException.class);
        assertThat(qleven.messaging().attributeContact(c.desk(), family, c.parent())).isEqualTo(2);
        assertThat(conversation(c, c.parent()).items()).extracting(ConversationItem::text)
                .containsExactly(Optional.of("¿hay hueco?"), Optional.of("soy la madre de Leo"));
        assertThat(conversation(c, c.child()).items()).isEmpty();
        assertThat(qleven.messaging().whatsAppContacts(c.desk(), "shared", PageRequest.first()).items()).isEmpty();
        // An unmatched number may go to any client of the center.
        assertThat(qleven.messaging().attributeContact(c.desk(), unmatched.get(0).id(), c.lucia())).isEqualTo(1);

        // A later message waits again; the staff are not told twice.
        deliver(6, messages(text(c, FAMILY, "wamid.F3", 30, "¿y el jueves?")));
        assertThat(qleven.messaging().whatsAppContacts(c.desk(), "shared", PageRequest.first()).items())
                .singleElement().satisfies(v -> assertThat(v.messages()).isEqualTo(1));
        assertThat(qleven.privacy().notifications(c.admin(), PageRequest.first()).items().stream()
                .filter(n -> n.kind().startsWith("whatsapp_"))).hasSize(2);
        assertThatThrownBy(() -> qleven.messaging().whatsAppContacts(c.desk(), "matched", PageRequest.first()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void errorsPreferencesAndUnknownNumbersAreCountedAndPreferencesStoredOnce() {
        Center c = center();
        WebhookValueError unsupportedError = new WebhookValueError(Optional.empty(), 131051,
                Optional.of("Message type unknown"), Optional.of("Message type is not currently supported"));
        ReceivedMessage unsupported = new ReceivedMessage(c.phoneNumberId(), "wamid.U1", LUCIA, Optional.empty(),
                NOW.minusSeconds(300), "unsupported", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(unsupportedError));
        ParsedWebhook withErrors = new ParsedWebhook(List.of(), List.of(), List.of(unsupported), List.of(),
                List.of(new WebhookValueError(Optional.of(c.phoneNumberId()), 131026, Optional.of("Receiver is "
                        + "incapable of receiving this message"), Optional.empty())), 0);
        PreferenceChange stop = new PreferenceChange(c.phoneNumberId(), LUCIA, NOW.minusSeconds(200),
                "marketing_messages", "stop", Optional.of("User requested to stop marketing messages"));
        ParsedWebhook preferences = new ParsedWebhook(List.of(), List.of(), List.of(), List.of(stop), List.of(), 0);
        ParsedWebhook unknown = messages(text(new Center(c.tenant(), c.admin(), c.desk(), c.professional(),
                c.lucia(), c.parent(), c.child(), "999999999"), LUCIA, "wamid.N1", 0, "hola"));

        WebhookRun run = deliver(9, withErrors, preferences, unknown);

        assertThat(run.errors()).isEqualTo(6);
        assertThat(run.inboundMessages()).isEqualTo(1);
        assertThat(run.preferenceChanges()).isEqualTo(1);
        assertThat(run.unknownNumbers()).isEqualTo(3);
        assertThat(heardPreferences).containsExactly("marketing_messages:stop:1");
        assertThat(heard).containsExactly("wamid.U1");
        assertThat(conversation(c, c.lucia()).items()).singleElement()
                .satisfies(i -> assertThat(i.kind()).contains(InboundKind.UNSUPPORTED));
    }

    // --- free text ---------------------------------------------------------------------------------

    @Test
    void freeTextIsQueuedOnlyInsideTheWindowByThoseWhoMayReply() {
        Center c = center();
        assertThatThrownBy(() -> qleven.messaging().reply(c.desk(), c.lucia(), "Hola Lucía"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("never written");
        deliver(10, messages(text(c, LUCIA, "wamid.T1", 0, "¿tenéis cita?")));

        MessageView queued = qleven.messaging().reply(c.desk(), c.lucia(), "Sí, el martes a las 10:00");
        assertThat(queued.purpose()).isEqualTo(MessagePurpose.CONVERSATION);
        assertThat(queued.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(queued.templateName()).isEmpty();
        ConversationView view = qleven.messaging().conversation(c.professional(), c.lucia(), PageRequest.first());
        assertThat(view.items().get(0).direction()).isEqualTo("out");
        assertThat(view.items().get(0).text()).contains("Sí, el martes a las 10:00");
        assertThat(view.items().get(0).purpose()).contains(MessagePurpose.CONVERSATION);

        assertThatThrownBy(() -> qleven.messaging().reply(c.professional(), c.lucia(), "Hola"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.messaging().reply(c.desk(), c.lucia(), " "))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("text"));
        assertThatThrownBy(() -> qleven.messaging().reply(c.desk(), c.lucia(), "x".repeat(4097)))
                .isInstanceOf(ValidationException.class);
        Center other = center();
        assertThatThrownBy(() -> qleven.messaging().reply(other.desk(), c.lucia(), "Hola"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.messaging().conversation(other.admin(), c.lucia(), PageRequest.first()))
                .isInstanceOf(NotFoundException.class);

        clock.advance(Duration.ofHours(24));
        assertThatThrownBy(() -> qleven.messaging().reply(c.desk(), c.lucia(), "¿Sigue en pie?"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.getMessage()).contains("window is closed", "last wrote at 2027-03-20T07:50:00Z");
                    assertThat(e.details()).containsEntry("lastInboundAt", "2027-03-20T07:50:00Z");
                });
        assertThat(qleven.messaging().conversation(c.desk(), c.lucia(), PageRequest.first()).windowOpen()).isFalse();
    }

    @Test
    void theConversationPagesNewestFirst() {
        Center c = center();
        ReceivedMessage[] many = new ReceivedMessage[7];
        for (int i = 0; i < many.length; i++) {
            many[i] = text(c, LUCIA, "wamid.P" + i, i * 10L, "m" + i);
        }
        deliver(11, messages(many));
        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            ConversationView page = qleven.messaging().conversation(c.admin(), c.lucia(), new PageRequest(3, cursor));
            page.items().forEach(i -> seen.add(i.text().orElseThrow()));
            cursor = page.next();
        } while (cursor.isPresent());
        assertThat(seen).containsExactly("m6", "m5", "m4", "m3", "m2", "m1", "m0");
    }

    // --- privacy -------------------------------------------------------------------------------------

    @Test
    void theExportOpensTheClientsMessagesAndAnErasureForgetsThemAndTheirNumber() {
        Center c = center();
        deliver(12, messages(text(c, LUCIA, "wamid.T1", 0, "me duele la espalda")));
        Map<String, Object> export = qleven.privacy().export(c.admin(), c.lucia());
        assertThat(export.get("sections").toString()).contains("inboundMessages", "me duele la espalda",
                "wamid.T1");

        var erasure = qleven.privacy().createRequest(c.admin(),
                CreatePrivacyRequestCommand.parse(c.lucia().toString(), "erasure", null));
        qleven.privacy().completeRequest(c.admin(), erasure.id(), "Erased.");

        assertThat(qleven.privacy().export(c.admin(), c.lucia()).toString()).doesNotContain("me duele la espalda");
        assertThat(store.shared().transactions().inTenant(c.tenant(), () -> store.messaging().inbound()
                .byWamid(c.tenant(), "wamid.T1"))).isEmpty();
        assertThat(store.shared().transactions().inTenant(c.tenant(), () -> store.messaging().contacts()
                .awaitingAttribution(c.tenant(), WhatsAppContact.Match.UNMATCHED, PageRequest.first()).items()))
                .isEmpty();
    }
}
