package com.qleven.host.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
    @Test
    void aSaneOfferedIdIsKeptAnythingElseGetsANewVersion4Uuid() {
        assertThat(RequestIds.from("proxy-id_1.2")).isEqualTo("proxy-id_1.2");
        Set<String> made = new HashSet<>();
        for (String offered : new String[] {null, "", "bad id", "x\r\nInjected: 1", "a".repeat(101)}) {
            String id = RequestIds.from(offered);
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            made.add(id);
        }
        assertThat(made).hasSize(5);
    }
}
