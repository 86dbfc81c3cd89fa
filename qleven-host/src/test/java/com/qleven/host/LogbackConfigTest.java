package com.qleven.host;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/** The host's logback.xml: JSON lines through logstash-logback-encoder, the access log written asynchronously. */
class LogbackConfigTest {
    private LoggerContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void anEventIsOneJsonObjectOnOneLineWithItsMdcAndPairs() throws Exception {
        context = LogJson.configured();
        Logger logger = context.getLogger("com.qleven.test");
        LoggingEvent event = new LoggingEvent("x", logger, Level.WARN, "a \"quoted\"\nmulti-line {} message\u2028",
                new IllegalStateException("boom"), new Object[] {"text"});
        event.setMDCPropertyMap(Map.of("requestId", "req-1"));
        event.addKeyValuePair(new KeyValuePair("status", 401));
        event.addKeyValuePair(new KeyValuePair("route", "/v1/me"));
        String line = new String(LogJson.encoder(context).encode(event), StandardCharsets.UTF_8);

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
        assertThat(json.get("stack").asText()).contains("boom").contains("LogbackConfigTest");
        assertThat(json.get("time").asText()).endsWith("Z");
        assertThat(json.get("thread").asText()).isNotEmpty();
    }

    @Test
    void theAccessLogIsWrittenAsynchronouslyAndOnlyOnce() throws Exception {
        context = LogJson.configured();
        Logger access = context.getLogger("com.qleven.host.access");
        List<Appender<ILoggingEvent>> own = appenders(access);
        assertThat(own).hasSize(1);
        assertThat(own.get(0)).isInstanceOf(AsyncAppender.class);
        AsyncAppender async = (AsyncAppender) own.get(0);
        assertThat(async.getDiscardingThreshold()).as("no access line is dropped").isZero();
        assertThat(async.isIncludeCallerData()).isFalse();
        assertThat(async.getAppender("JSON")).as("the same JSON lines as the rest").isNotNull();
        assertThat(access.isAdditive()).as("not written a second time, synchronously, by the root").isFalse();
        assertThat(appenders(context.getLogger(Logger.ROOT_LOGGER_NAME)))
                .as("other logs are written synchronously: an error is out before the process can die")
                .noneMatch(a -> a instanceof AsyncAppender);
    }

    private static List<Appender<ILoggingEvent>> appenders(Logger logger) {
        List<Appender<ILoggingEvent>> all = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
            all.add(it.next());
        }
        return all;
    }
}
