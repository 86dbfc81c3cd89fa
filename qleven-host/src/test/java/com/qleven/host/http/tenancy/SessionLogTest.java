package com.qleven.host.http.tenancy;

import static com.qleven.host.TestHost.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.config.HostConfig;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The privacy policy promises a session log (sign-in, sign-out, duration, browser, IP, country):
 * each sign-in leaves a row with its times, the address and user agent encrypted, and the country
 * a trusted proxy gave.
 */
class SessionLogTest {
    private static final String USER_AGENT = "Mozilla/5.0 (QlevenTest; Linux x86_64) Firefox/140.0";
    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start(Map.of(HostConfig.TRUSTED_COUNTRY_HEADER, "CF-IPCountry"));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void aSignInThenSignOutLeavesAnEncryptedSessionRowWithItsTimesAndCountry() throws Exception {
        Center center = host.newCenter("Centro Registro");
        Reply login = host.send(host.request("/v1/auth/login")
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("CF-IPCountry", "ma")
                .POST(HttpRequest.BodyPublishers.ofString(TestHost.write(Map.of("email", center.adminEmail(),
                        "password", PASSWORD))))
                .build());
        assertThat(login.status()).isEqualTo(200);
        String token = login.json().get("token").asText();
        host.clock.advance(Duration.ofMinutes(7));
        assertThat(host.post("/v1/auth/logout", "", token).status()).isEqualTo(204);

        try (Connection c = host.superuser()) {
            // Row-level security applies to a non-superuser owner too: act as the center.
            try (PreparedStatement set = c.prepareStatement("SELECT set_config('qleven.tenant_id', ?, false)")) {
                set.setString(1, center.tenantId());
                set.execute();
            }
            try (PreparedStatement q = c.prepareStatement("SELECT created_at, ended_at, end_reason, ip, user_agent,"
                    + " country FROM public.sessions WHERE tenant_id = ? AND user_id = ? AND country IS NOT NULL")) {
                q.setObject(1, UUID.fromString(center.tenantId()));
                q.setObject(2, UUID.fromString(center.adminId()));
                try (ResultSet rs = q.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    Timestamp created = rs.getTimestamp("created_at");
                    Timestamp ended = rs.getTimestamp("ended_at");
                    assertThat(created).isNotNull();
                    assertThat(ended).isNotNull();
                    assertThat(Duration.between(created.toInstant(), ended.toInstant())).isEqualTo(Duration.ofMinutes(7));
                    assertThat(rs.getString("end_reason")).isEqualTo("sign_out");
                    assertThat(rs.getString("country")).isEqualTo("MA");
                    byte[] ip = rs.getBytes("ip");
                    byte[] userAgent = rs.getBytes("user_agent");
                    assertThat(ip).isNotEmpty();
                    assertThat(userAgent).isNotEmpty();
                    assertThat(new String(ip, StandardCharsets.ISO_8859_1)).doesNotContain("127.0.0.1");
                    assertThat(new String(userAgent, StandardCharsets.ISO_8859_1)).doesNotContain("QlevenTest")
                            .doesNotContain("Mozilla");
                    assertThat(rs.next()).isFalse();
                }
            }
        }
    }

    @Test
    void aCountryThatIsNotAnIsoCodeIsNotRecorded() throws Exception {
        Center center = host.newCenter("Centro Desconocido");
        for (String header : new String[] {"XX", "T1", "Spain", "E"}) {
            Reply login = host.send(host.request("/v1/auth/login")
                    .header("Content-Type", "application/json")
                    .header("CF-IPCountry", header)
                    .POST(HttpRequest.BodyPublishers.ofString(TestHost.write(Map.of("email", center.adminEmail(),
                            "password", PASSWORD))))
                    .build());
            assertThat(login.status()).isEqualTo(200);
        }
        try (Connection c = host.superuser()) {
            try (PreparedStatement set = c.prepareStatement("SELECT set_config('qleven.tenant_id', ?, false)")) {
                set.setString(1, center.tenantId());
                set.execute();
            }
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT count(*) FILTER (WHERE country IS NULL), count(*) FROM public.sessions WHERE tenant_id = ?")) {
                q.setObject(1, UUID.fromString(center.tenantId()));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(rs.getLong(2)).isEqualTo(5);
                }
            }
        }
    }
}
