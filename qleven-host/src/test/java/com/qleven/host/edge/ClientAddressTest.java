package com.qleven.host.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.domain.tenancy.SessionPolicy;
import com.qleven.domain.tenancy.SignInThrottle;
import com.qleven.host.CorePolicies;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client's address behind a reverse proxy (issue 7, fix 5): {@code X-Forwarded-For} counts
 * only when the peer is a configured proxy, read from the right past trusted hops; IPv6 clients
 * share a bucket per /64; one client's failures behind the proxy never lock the others out.
 */
class ClientAddressTest {
    private static final String TRUSTED_PROXIES = "QLEVEN_TRUSTED_PROXIES";
    /** Three failures from one address and it is refused; accounts are never refused here. */
    private static final CorePolicies STRICT_PER_ADDRESS = new CorePolicies(
            new SignInThrottle(1000, Duration.ofMillis(1), Duration.ofMillis(1), 1000, Duration.ofMinutes(15),
                    1000, Duration.ofHours(1), 3),
            SessionPolicy.DEFAULT, 10_000);

    private static TestHost behindProxy;
    private static TestHost direct;

    @BeforeAll
    static void start() {
        behindProxy = TestHost.start(Map.of(TRUSTED_PROXIES, "127.0.0.1/32, 10.0.0.0/8"), STRICT_PER_ADDRESS);
        direct = TestHost.start(Map.of(), STRICT_PER_ADDRESS);
    }

    @AfterAll
    static void stop() {
        behindProxy.close();
        direct.close();
    }

    @Test
    void withoutTrustedProxiesForwardedForIsIgnoredAndEveryoneSharesThePeersAddress() {
        TestHost host = direct;
        Center victim = host.newCenter("Centro Directo");
        String token = signIn(host, victim.adminEmail(), "203.0.113.9");
        assertThat(sessionAddresses(host, token)).containsOnly("127.0.0.1");
        // The control for the test below: the same requests with no proxy configured lock the second client out.
        failThreeTimes(host, "203.0.113.66");
        assertThat(login(host, victim.adminEmail(), TestHost.PASSWORD, "203.0.113.77").status()).isEqualTo(429);
    }

    @Test
    void behindATrustedProxyOneClientsFailuresDoNotLockOthersOut() {
        TestHost host = behindProxy;
        Center victim = host.newCenter("Centro Vecino");
        failThreeTimes(host, "203.0.113.66");
        assertThat(login(host, TestHost.newEmail("nobody"), "203.0.113.66").status())
                .as("the failing client is refused").isEqualTo(429);
        assertThat(login(host, victim.adminEmail(), TestHost.PASSWORD, "203.0.113.77").status())
                .as("another client behind the same proxy signs in").isEqualTo(200);
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
        TestHost host = behindProxy;
        Center center = host.newCenter("Centro Proxy");
        // The client claims 198.51.100.7 (forged, left of it), an internal hop 10.1.2.3 is trusted.
        String token = signIn(host, center.adminEmail(), "198.51.100.7, 203.0.113.9, 10.1.2.3");
        assertThat(sessionAddresses(host, token)).containsOnly("203.0.113.9");
        // Every hop trusted: the left-most is the client. Garbage: the last trusted hop answers for it.
        String all = signIn(host, center.adminEmail(), "10.9.9.9, 10.1.2.3");
        assertThat(sessionAddresses(host, all)).containsOnly("10.9.9.9");
        String garbage = signIn(host, center.adminEmail(), "not-an-address");
        assertThat(sessionAddresses(host, garbage)).containsOnly("127.0.0.1");
    }

    @Test
    void ipv6AddressesInOneSlash64ShareABucket() {
        TestHost host = behindProxy;
        Center victim = host.newCenter("Centro Seis");
        failThreeTimes(host, "2001:db8:1:2::a");
        assertThat(login(host, victim.adminEmail(), TestHost.PASSWORD, "2001:db8:1:2:ffff:ffff:ffff:1").status())
                .as("another address of the same /64").isEqualTo(429);
        assertThat(login(host, victim.adminEmail(), TestHost.PASSWORD, "2001:db8:1:3::a").status())
                .as("the next /64").isEqualTo(200);
        String token = signIn(host, victim.adminEmail(), "2001:DB8:1:3:0:0:0:A");
        assertThat(sessionAddresses(host, token)).as("the session keeps the full address")
                .containsOnly("2001:db8:1:3:0:0:0:a");
    }

    private static void failThreeTimes(TestHost host, String forwardedFor) {
        for (int i = 0; i < 3; i++) {
            assertThat(login(host, TestHost.newEmail("nobody"), forwardedFor).status()).isEqualTo(401);
        }
    }

    private static Reply login(TestHost host, String email, String forwardedFor) {
        return login(host, email, "not the password", forwardedFor);
    }

    private static Reply login(TestHost host, String email, String password, String forwardedFor) {
        return host.send(host.request("/v1/auth/login").header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        TestHost.write(Map.of("email", email, "password", password)))).build());
    }

    private static String signIn(TestHost host, String email, String forwardedFor) {
        Reply reply = login(host, email, TestHost.PASSWORD, forwardedFor);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("token").asText();
    }

    private static List<String> sessionAddresses(TestHost host, String token) {
        Reply page = host.get("/v1/sessions", token);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> ips = new ArrayList<>();
        page.json().get("items").forEach(s -> {
            if (s.get("current").asBoolean()) {
                ips.add(s.get("ip").asText());
            }
        });
        return ips;
    }
}
