package com.qleven.ports.tenancy.in;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientInfoTest {

    private static String key(String ip) {
        return new ClientInfo(ip, "", Optional.empty()).rateLimitKey();
    }

    @Test
    void ipv4IsCountedPerAddress() {
        assertThat(key("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(key("unknown")).isEqualTo("unknown");
    }

    @Test
    void ipv6IsCountedPerSlash64() {
        assertThat(key("2001:db8:1:2:0:0:0:a")).isEqualTo("2001:db8:1:2::/64");
        assertThat(key("2001:DB8:1:2::ffff")).isEqualTo("2001:db8:1:2::/64");
        assertThat(key("2001:0db8:0001:0002:ffff:ffff:ffff:1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(key("2001:db8::1")).isEqualTo("2001:db8:0:0::/64");
        assertThat(key("fe80:0:0:0:1:2:3:4%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(key("::1")).isEqualTo("0:0:0:0::/64");
        assertThat(key("2001:db8:1:3::a")).isNotEqualTo(key("2001:db8:1:2::a"));
        assertThat(key("1:2:3")).isEqualTo("1:2:3");
    }
}
