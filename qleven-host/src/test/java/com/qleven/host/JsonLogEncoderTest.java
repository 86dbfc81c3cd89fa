package com.qleven.host;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

class JsonLogEncoderTest {
    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("com.qleven.test");

    @Test
    void anEventIsOneJsonObjectOnOneLineWithItsMdcAndPairs() throws Exception {
        LoggingEvent event = new LoggingEvent("x", logger, Level.WARN, "a \"quoted\"\nmulti-line {} message\u2028",
                new IllegalStateException("boom"), new Object[] {"text"});
        event.setMDCPropertyMap(Map.of("requestId", "req-1"));
        event.addKeyValuePair(new KeyValuePair("status", 401));
        event.addKeyValuePair(new KeyValuePair("route", "/v1/me"));
        JsonLogEncoder encoder = new JsonLogEncoder();
        encoder.setContext(context);
        encoder.start();
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line).endsWith("\n");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n").doesNotContain("\u2028");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("logger").asText()).isEqualTo("com.qleven.test");
        assertThat(json.get("message").asText()).isEqualTo("a \"quoted\"\nmulti-line text message\u2028");
        assertThat(json.get("requestId").asText()).isEqualTo("req-1");
        assertThat(json.get("status").asInt()).isEqualTo(401);
        assertThat(json.get("route").asText()).isEqualTo("/v1/me");
        assertThat(json.get("error").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.get("stack").asText()).contains("boom").contains("JsonLogEncoderTest");
        assertThat(json.get("time").asText()).endsWith("Z");
    }
}
