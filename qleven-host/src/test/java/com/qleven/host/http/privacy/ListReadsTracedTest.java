package com.qleven.host.http.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.audit.AuditSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads through lists and searches are traced per person (Art. 15): a client shown in a staff
 * member's list or search appears in that client's access export as read by that member; a client
 * the list or search did not show does not. Exports count towards the burst watch of client reads.
 */
class ListReadsTracedTest {
    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start(Map.of(AuditSettings.ALERT_CLIENT_READS, "3/10m"));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static String client(Center center, String name, String phone) {
        Reply created = host.post("/v1/clients", Map.of("fullName", name, "phone", phone), center.token());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static List<String> accesses(Center center, String clientId, String actorId) {
        Reply export = host.get("/v1/clients/" + clientId + "/export", center.token());
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        for (JsonNode a : export.json().get("sections").get("accessLog").get("accesses")) {
            if (actorId.equals(a.get("actorId").asText())) {
                actions.add(a.get("action").asText());
            }
        }
        return actions;
    }

    private static double alerts(String kind) {
        Matcher m = Pattern.compile("(?m)^qleven_security_alerts_total\\{kind=\"" + kind + "\"} ([0-9.]+)$")
                .matcher(host.metrics().body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }

    @Test
    void everyClientAListOrSearchShowedIsInItsAccessExport() {
        Center center = host.newCenter("Clínica Rastro");
        String email = TestHost.newEmail("receptionist");
        Reply added = host.post("/v1/users", TestHost.userBody(email, "receptionist"), center.token());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String receptionistId = added.json().get("id").asText();
        String receptionist = host.login(email, TestHost.PASSWORD, null);
        String ana = client(center, "Ana Listada", "600 100 001");
        String eva = client(center, "Eva Buscada", "600 100 002");

        Reply list = host.get("/v1/clients?limit=1", receptionist);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get("items")).hasSize(1);
        assertThat(list.json().get("items").get(0).get("id").asText()).isEqualTo(ana);
        Reply search = host.post("/v1/clients/search", Map.of("phone", "600 100 002"), receptionist);
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        assertThat(search.json().get("items")).hasSize(1);

        assertThat(accesses(center, ana, receptionistId)).containsExactly("client.list");
        assertThat(accesses(center, eva, receptionistId))
                .as("control: the list's page held Ana only, so Eva shows the search alone")
                .containsExactly("client.search");
    }

    @Test
    void exportsOfManyClientsRaiseTheReadBurstAlert() {
        Center center = host.newCenter("Clínica Volcado");
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clients.add(client(center, "Cliente " + i, "600 200 00" + i));
        }
        double before = alerts("client_read_burst");
        assertThat(host.get("/v1/clients/" + clients.get(0) + "/export", center.token()).status()).isEqualTo(200);
        assertThat(alerts("client_read_burst")).as("one export is no burst").isEqualTo(before);
        for (String id : clients.subList(1, 5)) {
            assertThat(host.get("/v1/clients/" + id + "/export", center.token()).status()).isEqualTo(200);
        }
        assertThat(alerts("client_read_burst")).isEqualTo(before + 1);
    }
}
