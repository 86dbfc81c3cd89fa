package com.qleven.host.http.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.TenantId;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import com.qleven.application.privacy.PrivacyFacade;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An objection to direct marketing survives an erasure in either order, over HTTP on PostgreSQL:
 * an erasure answered while an objection is open (or after one was answered) leaves the phone and
 * email on the suppression list; an objection received after the erasure cannot be answered as
 * "completed", since nothing is left to suppress: it is refused with a problem that says why.
 */
class ObjectionAndErasureTest {
    private static TestHost host;
    private static PrivacyFacade suppressions;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        suppressions = host.host().component().qleven().privacy();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private record Person(String id, PhoneNumber phone, EmailAddress email) {
    }

    private static Person client(Center center, String name, String localPhone, String e164, String email) {
        Reply created = host.post("/v1/clients", Map.of("fullName", name, "phone", localPhone, "email", email),
                center.token());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Person(created.json().get("id").asText(), new PhoneNumber(e164), new EmailAddress(email));
    }

    private static String request(Center center, Person person, String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", person.id());
        body.put("type", type);
        Reply created = host.post("/v1/privacy/requests", body, center.token());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static Reply complete(Center center, String requestId, String outcome) {
        return host.post("/v1/privacy/requests/" + requestId + "/complete", Map.of("outcome", outcome),
                center.token());
    }

    private static boolean suppressed(Center center, Person person) {
        TenantId tenant = new TenantId(UUID.fromString(center.tenantId()));
        return suppressions.isSuppressed(tenant, person.phone()) && suppressions.isSuppressed(tenant, person.email());
    }

    private static boolean anySuppressed(Center center, Person person) {
        TenantId tenant = new TenantId(UUID.fromString(center.tenantId()));
        return suppressions.isSuppressed(tenant, person.phone()) || suppressions.isSuppressed(tenant, person.email());
    }

    @Test
    void anErasureWithAnOpenObjectionSuppressesBeforeShredding() {
        Center center = host.newCenter("Clínica Orden Uno");
        Person pau = client(center, "Pau Roig", "622 444 555", "+34622444555", "pau.roig@example.com");
        Person control = client(center, "Eva Solo", "622 444 556", "+34622444556", "eva.solo@example.com");
        String objection = request(center, pau, "objection");
        assertThat(anySuppressed(center, pau)).as("an open objection suppresses nothing yet").isFalse();

        assertThat(complete(center, request(center, pau, "erasure"), "Erased.").status()).isEqualTo(200);
        assertThat(complete(center, request(center, control, "erasure"), "Erased.").status()).isEqualTo(200);

        assertThat(suppressed(center, pau)).as("the open objection's entries were written at the erasure").isTrue();
        assertThat(anySuppressed(center, control)).as("control: an erasure alone suppresses nothing").isFalse();
        Reply done = complete(center, objection, "No more marketing.");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("status").asText()).isEqualTo("completed");
        assertThat(suppressed(center, pau)).isTrue();
    }

    @Test
    void anErasureAfterAnAnsweredObjectionKeepsTheEntries() {
        Center center = host.newCenter("Clínica Orden Dos");
        Person pau = client(center, "Pau Roig", "622 444 555", "+34622444555", "pau.roig@example.com");
        assertThat(complete(center, request(center, pau, "objection"), "No more marketing.").status()).isEqualTo(200);
        assertThat(complete(center, request(center, pau, "erasure"), "Erased.").status()).isEqualTo(200);
        assertThat(suppressed(center, pau)).isTrue();
    }

    @Test
    void anObjectionReceivedAfterTheErasureIsRefusedSayingWhyNeverSilentlyCompleted() {
        Center center = host.newCenter("Clínica Orden Tres");
        Person pau = client(center, "Pau Roig", "622 444 555", "+34622444555", "pau.roig@example.com");
        assertThat(complete(center, request(center, pau, "erasure"), "Erased.").status()).isEqualTo(200);
        String objection = request(center, pau, "objection");

        Reply refused = complete(center, objection, "No more marketing.");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("erased");
        assertThat(refused.json().get("clientErased").asBoolean()).isTrue();
        Reply still = host.get("/v1/privacy/requests/" + objection, center.token());
        assertThat(still.json().get("status").asText()).as("nothing was written").isEqualTo("open");
        assertThat(anySuppressed(center, pau)).isFalse();
    }
}
