package com.qleven.host.http.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An SMTP outage loses no invitation: the invitation is answered at once, its mail waits in the
 * outbox while the server is down and arrives once it is back.
 */
class MailOutageTest {

    @Test
    void anInvitationMadeWhileTheMailServerIsDownArrivesWhenItIsBack() throws Exception {
        LifecycleMail mail = new LifecycleMail();
        try (TestHost host = TestHost.start(mail.environment())) {
            Center center = host.newCenter("Centro Caído");
            String luis = TestHost.newEmail("luis");

            assertThat(host.post("/v1/invitations", Map.of("email", luis, "role", "receptionist"), center.token())
                    .status()).isEqualTo(201);
            // The attempt is counted when the mail is claimed and its error written after the send
            // fails, in a later unit of work: wait for the error itself, not for the count.
            await("the dispatcher tried and failed").atMost(Duration.ofSeconds(15))
                    .until(() -> lastError(host), error -> error != null);
            assertThat(attempts(host)).isGreaterThanOrEqualTo(1);
            assertThat(lastError(host)).contains("SMTP").doesNotContain(luis);

            mail.start();
            try {
                host.clock.advance(Duration.ofMinutes(2));
                String token = mail.lastToken(luis, 1);
                assertThat(token).startsWith("qi_");
                await("a sent mail leaves the outbox").atMost(Duration.ofSeconds(5))
                        .until(() -> count(host), n -> n == 0);
            } finally {
                mail.stop();
            }
        }
    }

    private static int attempts(TestHost host) throws Exception {
        return query(host, "SELECT coalesce(max(attempts), 0) FROM public.mail_outbox");
    }

    private static int count(TestHost host) throws Exception {
        return query(host, "SELECT count(*) FROM public.mail_outbox");
    }

    private static String lastError(TestHost host) throws Exception {
        try (Connection c = host.superuser(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT last_error FROM public.mail_outbox")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int query(TestHost host, String sql) throws Exception {
        try (Connection c = host.superuser(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
