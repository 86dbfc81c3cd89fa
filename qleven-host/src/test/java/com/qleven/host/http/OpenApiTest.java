package com.qleven.host.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qleven.adapters.crypto.AesGcmFieldCipher;
import com.qleven.adapters.crypto.Argon2Parameters;
import com.qleven.adapters.crypto.Argon2idPasswordHasher;
import com.qleven.adapters.crypto.HmacChainSigner;
import com.qleven.adapters.crypto.MasterKeys;
import com.qleven.adapters.memory.InMemoryStore;
import com.qleven.adapters.phone.LibphonenumberPhoneNumbers;
import com.qleven.application.Qleven;
import com.qleven.domain.tenancy.SessionPolicy;
import com.qleven.host.http.audit.AuditEndpoints;
import com.qleven.host.http.clients.ClientEndpoints;
import com.qleven.host.http.tenancy.LifecycleEndpoints;
import com.qleven.host.http.tenancy.TenancyEndpoints;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checked-in OpenAPI document describes exactly the routes the host serves (the route table
 * that {@link HttpModule} builds), and is well-formed: every reference resolves, every operation
 * answers problems as {@code application/problem+json}.
 */
class OpenApiTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static JsonNode document;
    private static Router router;

    @BeforeAll
    static void load() throws Exception {
        document = new ObjectMapper().readTree(OpsEndpoints.openApiDocument());
        InMemoryStore store = new InMemoryStore();
        MasterKeys keys = MasterKeys.parse(MasterKeys.newKeyFile(), "test");
        Qleven qleven = Qleven.builder().store(store)
                .cipher(new AesGcmFieldCipher(keys, store.shared().dataKeys(), store.shared().transactions()))
                .passwordHasher(new Argon2idPasswordHasher(Argon2Parameters.FAST))
                .chainSigner(new HmacChainSigner(keys))
                .phoneNumbers(new LibphonenumberPhoneNumbers())
                .clock(Clock.systemUTC()).build();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        router = HttpModule.router(
                new TenancyEndpoints(qleven, new HttpMetrics(registry), SessionPolicy.DEFAULT.absolute()),
                new ClientEndpoints(qleven),
                new AuditEndpoints(qleven),
                new OpsEndpoints(() -> true, registry),
                new LifecycleEndpoints(qleven),
                new com.qleven.host.http.consent.ConsentEndpoints(qleven),
                new com.qleven.host.http.privacy.IncidentEndpoints(qleven),
                new com.qleven.host.http.privacy.PrivacyRequestEndpoints(qleven),
                new com.qleven.host.http.scheduling.AppointmentEndpoints(qleven),
                new com.qleven.host.http.scheduling.SchedulingEndpoints(qleven),
                new com.qleven.host.http.billing.BillingEndpoints(qleven),
                new com.qleven.host.http.messaging.WhatsAppAccountEndpoints(qleven),
                new com.qleven.host.http.messaging.TemplateEndpoints(qleven),
                new com.qleven.host.http.scheduling.PublicBookingEndpoints(qleven),
                new com.qleven.host.http.scheduling.CalendarFeedEndpoints(qleven),
                new com.qleven.host.http.messaging.MessagingSettingsEndpoints(qleven),
                new com.qleven.host.http.messaging.MessageEndpoints(qleven),
                new com.qleven.host.http.messaging.CampaignEndpoints(qleven),
                new com.qleven.host.http.messaging.ConversationEndpoints(qleven),
                new com.qleven.host.http.whatsapp.WhatsAppWebhookEndpoints(qleven,
                        com.qleven.host.config.WhatsAppSettings.defaults()),
                new com.qleven.host.http.devices.DeviceEndpoints(qleven),
                new com.qleven.host.http.devices.DeviceCommandEndpoints(qleven));
    }

    @Test
    void itIsOpenApi31() {
        assertThat(document.get("openapi").asText()).matches("3\\.1\\.\\d+");
        assertThat(document.get("info").get("title").asText()).isNotBlank();
    }

    @Test
    void itDescribesExactlyTheRoutesServed() {
        Set<String> documented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(m -> {
            if (HTTP_METHODS.contains(m)) {
                documented.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        Set<String> served = new TreeSet<>();
        router.routes().forEach(r -> served.add(r.method() + " " + r.template()));
        assertThat(documented).isEqualTo(served);
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            JsonNode target = document.at(ref.substring(1));
            assertThat(target.isMissingNode()).as(ref).isFalse();
        }
    }

    @Test
    void everyOperationHasAnIdAndProblemsAreProblemJson() {
        Set<String> ids = new HashSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (!HTTP_METHODS.contains(op.getKey())) {
                return;
            }
            assertThat(ids.add(op.getValue().get("operationId").asText())).as("unique operationId").isTrue();
            JsonNode responses = op.getValue().get("responses");
            assertThat(responses).as(path.getKey()).isNotNull();
            responses.properties().forEach(r -> {
                if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                    JsonNode response = r.getValue().has("$ref")
                            ? document.at(r.getValue().get("$ref").asText().substring(1)) : r.getValue();
                    assertThat(response.get("content").has("application/problem+json"))
                            .as(op.getKey() + " " + path.getKey() + " " + r.getKey()).isTrue();
                }
            });
            boolean takesJson = router.routes().stream().anyMatch(route -> route.template().equals(path.getKey())
                    && route.method().equalsIgnoreCase(op.getKey()) && route.body() != Route.Body.NONE);
            assertThat(op.getValue().has("requestBody")).as("requestBody of " + op.getKey() + " " + path.getKey())
                    .isEqualTo(takesJson);
        }));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
