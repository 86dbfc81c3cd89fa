package com.qleven.host.http.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.qleven.host.TestHost;
import com.qleven.host.audit.AuditSettings;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A burst of failed sign-ins raises one alert per account and address: a WARN line and the counter. */
class SecurityAlertsTest {
    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start(Map.of(AuditSettings.ALERT_FAILED_SIGN_INS, "4/10m"));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static double alerts(String kind) {
        Matcher m = Pattern.compile("(?m)^qleven_security_alerts_total\\{kind=\"" + kind + "\"} ([0-9.]+)$")
                .matcher(host.metrics().body());
        assertThat(m.find()).as("the counter of %s is exported", kind).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aBurstOfFailedSignInsRaisesOneAlertPerKeyAndNormalUseNone() {
        TestHost.Center center = host.newCenter("Clínica Vigilante");
        for (int i = 0; i < 3; i++) {
            host.get("/v1/me", center.token());
        }
        assertThat(alerts("failed_sign_in_burst")).isZero();
        assertThat(alerts("client_read_burst")).isZero();

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        captured.start();
        root.addAppender(captured);
        try {
            for (int i = 0; i < 7; i++) {
                assertThat(host.post("/v1/auth/login", Map.of("email", center.adminEmail(), "password",
                        "not the password " + i)).status()).isEqualTo(401);
            }
        } finally {
            root.detachAppender(captured);
        }
        assertThat(alerts("failed_sign_in_burst")).isEqualTo(2.0);
        List<String> lines = captured.list.stream()
                .filter(e -> e.getFormattedMessage().startsWith("event=security_alert"))
                .map(e -> {
                    assertThat(e.getLevel()).isEqualTo(Level.WARN);
                    return e.getFormattedMessage();
                })
                .toList();
        assertThat(lines).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("kind=failed_sign_in_burst").contains("observed=5")
                        .doesNotContain(center.adminEmail()).doesNotContain("127.0.0.1"))
                .anySatisfy(l -> assertThat(l).contains("scope=account_email"))
                .anySatisfy(l -> assertThat(l).contains("scope=address"));
    }
}
