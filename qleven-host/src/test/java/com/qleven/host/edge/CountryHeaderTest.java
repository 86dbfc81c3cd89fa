package com.qleven.host.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.config.HostConfig;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The country header is a proxy's word: once proxies are configured, a peer that is not one of them
 * cannot set the country its session log records.
 */
class CountryHeaderTest {
    private static TestHost behindOtherProxy;
    private static TestHost behindLoopbackProxy;

    @BeforeAll
    static void start() {
        behindOtherProxy = TestHost.start(Map.of(HostConfig.TRUSTED_COUNTRY_HEADER, "CF-IPCountry",
                "QLEVEN_TRUSTED_PROXIES", "10.0.0.0/8"));
        behindLoopbackProxy = TestHost.start(Map.of(HostConfig.TRUSTED_COUNTRY_HEADER, "CF-IPCountry",
                "QLEVEN_TRUSTED_PROXIES", "127.0.0.1/32"));
    }

    @AfterAll
    static void stop() {
        behindOtherProxy.close();
        behindLoopbackProxy.close();
    }

    @Test
    void aPeerThatIsNoTrustedProxyCannotSetTheCountry() {
        assertThat(countriesAfterSignIn(behindOtherProxy, "MA")).isEmpty();
    }

    @Test
    void aTrustedProxySetsTheCountry() {
        // The control: the same request from a trusted peer is believed.
        assertThat(countriesAfterSignIn(behindLoopbackProxy, "MA")).containsExactly("MA");
    }

    private static List<String> countriesAfterSignIn(TestHost host, String country) {
        Center center = host.newCenter("Centro País");
        Reply login = host.send(host.request("/v1/auth/login").header("Content-Type", "application/json")
                .header("CF-IPCountry", country)
                .POST(HttpRequest.BodyPublishers.ofString(TestHost.write(Map.of("email", center.adminEmail(),
                        "password", TestHost.PASSWORD)))).build());
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        Reply page = host.get("/v1/sessions", login.json().get("token").asText());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> countries = new ArrayList<>();
        page.json().get("items").forEach(s -> {
            if (s.get("current").asBoolean() && s.hasNonNull("country")) {
                countries.add(s.get("country").asText());
            }
        });
        return countries;
    }
}
