package com.qleven.adapters.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.InfrastructureException;
import com.qleven.ports.shared.out.MailMessage;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMTP adapter against a real SMTP server (GreenMail) on loopback. */
class SmtpMailerTest {
    private GreenMail server;
    private int port;

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void start() {
        port = freePort();
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private SmtpMailer mailer(SmtpSettings.Security security) {
        return new SmtpMailer(new SmtpSettings("127.0.0.1", port, security, Optional.empty(), Optional.empty(),
                "Qleven <no-reply@qleven.test>", Duration.ofSeconds(5)), Clock.systemUTC());
    }

    private static MailMessage message() {
        return new MailMessage(new EmailAddress("lucía@example.test"), "Invitación a Clínica Sol",
                "Hola Lucía,\n\nAbre este enlace: https://app.qleven.test/accept-invitation#token=qi_abc\n");
    }

    @Test
    void aMessageArrivesWithItsSenderRecipientSubjectAndUtf8Text() throws Exception {
        mailer(SmtpSettings.Security.NONE).send(message());

        assertThat(server.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = server.getReceivedMessages()[0];
        assertThat(received.getFrom()[0].toString()).isEqualTo("Qleven <no-reply@qleven.test>");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("lucía@example.test");
        assertThat(received.getSubject()).isEqualTo("Invitación a Clínica Sol");
        assertThat(received.getContentType()).contains("text/plain").containsIgnoringCase("utf-8");
        assertThat(GreenMailUtil.getBody(received)).isNotBlank();
        assertThat((String) received.getContent()).contains("Hola Lucía").contains("#token=qi_abc");
        assertThat(received.getSentDate()).isNotNull();
        assertThat(received.getMessageID()).isNotBlank();
    }

    @Test
    void requiredStarttlsRefusesAServerWithoutItAndSendsNothingInClear() {
        assertThatThrownBy(() -> mailer(SmtpSettings.Security.STARTTLS).send(message()))
                .isInstanceOfSatisfying(InfrastructureException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).doesNotContain("lucía").doesNotContain("token");
                });
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsDownIsARetryableFailureThatNamesNoPersonalData() {
        server.stop();
        assertThatThrownBy(() -> mailer(SmtpSettings.Security.NONE).send(message()))
                .isInstanceOfSatisfying(InfrastructureException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("127.0.0.1:" + port).doesNotContain("lucía");
                });
    }

    @Test
    void tlsModesCheckTheServersNameAndStarttlsIsRequiredNotAttempted() {
        SmtpSettings starttls = new SmtpSettings("smtp.example.test", 587, SmtpSettings.Security.STARTTLS,
                Optional.of("qleven"), Optional.of("secret"), "no-reply@example.test", Duration.ofSeconds(5));
        var p = SmtpMailer.properties(starttls);
        assertThat(p.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
        assertThat(p.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
        assertThat(p.getProperty("mail.smtp.auth")).isEqualTo("true");
        var tls = SmtpMailer.properties(new SmtpSettings("smtp.example.test", 465, SmtpSettings.Security.TLS,
                Optional.empty(), Optional.empty(), "no-reply@example.test", Duration.ofSeconds(5)));
        assertThat(tls.getProperty("mail.transport.protocol")).isEqualTo("smtps");
        assertThat(tls.getProperty("mail.smtps.ssl.checkserveridentity")).isEqualTo("true");
        assertThat(tls.getProperty("mail.smtps.auth")).isEqualTo("false");
        assertThat(starttls.toString()).doesNotContain("secret");
    }

    @Test
    void settingsRefuseALoginInClearAcrossTheNetworkAndABadSender() {
        assertThatThrownBy(() -> new SmtpSettings("smtp.example.test", 25, SmtpSettings.Security.NONE,
                Optional.of("qleven"), Optional.of("secret"), "not an address", Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in clear").hasMessageContaining("from must be")
                .hasMessageNotContaining("secret");
        assertThat(new SmtpSettings("127.0.0.1", 25, SmtpSettings.Security.NONE, Optional.of("qleven"),
                Optional.of("secret"), "no-reply@example.test", Duration.ofSeconds(5)).user()).contains("qleven");
        assertThat(SmtpSettings.Security.parse("starttls")).contains(SmtpSettings.Security.STARTTLS);
        assertThat(SmtpSettings.Security.parse("STARTTLS")).isEmpty();
    }
}
