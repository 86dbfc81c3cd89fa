package com.qleven.host.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.adapters.smtp.SmtpSettings;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mail variables: each wrong one is named, with the others, before anything starts. */
class MailSettingsTest {

    @Test
    void withoutAnSmtpHostMailIsKeptInAFileAndLinksPointAtTheLocalPort() {
        HostConfig config = HostConfig.fromEnvironment(Map.of(HostConfig.HTTP_PORT, "9091"));
        assertThat(config.mail().smtp()).isEmpty();
        assertThat(config.mail().publicUrl()).isEqualTo(URI.create("http://localhost:9091"));
    }

    @Test
    void anSmtpServerIsReadWithStarttlsAndItsPortByDefault() {
        HostConfig config = HostConfig.fromEnvironment(Map.of(MailSettings.SMTP_HOST, "smtp.example.com",
                MailSettings.SMTP_USER, "qleven", MailSettings.SMTP_PASSWORD, "s3cret",
                MailSettings.SMTP_FROM, "Qleven <no-reply@example.com>", MailSettings.PUBLIC_URL, "https://app.example.com"));
        SmtpSettings smtp = config.mail().smtp().orElseThrow();
        assertThat(smtp.security()).isEqualTo(SmtpSettings.Security.STARTTLS);
        assertThat(smtp.port()).isEqualTo(587);
        assertThat(smtp.user()).contains("qleven");
        assertThat(config.mail().publicUrl()).isEqualTo(URI.create("https://app.example.com"));
        assertThat(config.mail().toString()).doesNotContain("s3cret");
        HostConfig tls = HostConfig.fromEnvironment(Map.of(MailSettings.SMTP_HOST, "smtp.example.com",
                MailSettings.SMTP_TLS, "tls", MailSettings.SMTP_FROM, "no-reply@example.com"));
        assertThat(tls.mail().smtp().orElseThrow().port()).isEqualTo(465);
    }

    @Test
    void everyWrongMailVariableIsNamed() {
        assertThatThrownBy(() -> HostConfig.fromEnvironment(Map.of(MailSettings.SMTP_HOST, "smtp.example.com",
                MailSettings.SMTP_TLS, "ssl", MailSettings.SMTP_PORT, "99999",
                MailSettings.PUBLIC_URL, "ftp://app.example.com")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(String.join("\n", e.problems()))
                        .contains(MailSettings.SMTP_TLS).contains(MailSettings.SMTP_PORT)
                        .contains(MailSettings.SMTP_FROM).contains(MailSettings.PUBLIC_URL));
        assertThatThrownBy(() -> HostConfig.fromEnvironment(Map.of(MailSettings.SMTP_HOST, "smtp.example.com",
                MailSettings.SMTP_TLS, "none", MailSettings.SMTP_USER, "qleven", MailSettings.SMTP_PASSWORD, "s3cret",
                MailSettings.SMTP_FROM, "no-reply@example.com")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("in clear").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> HostConfig.fromEnvironment(Map.of(MailSettings.SMTP_PORT, "587")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(MailSettings.SMTP_HOST);
        assertThatThrownBy(() -> HostConfig.fromEnvironment(Map.of(MailSettings.SMTP_HOST, "smtp.example.com",
                MailSettings.SMTP_FROM, "not an address")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(MailSettings.SMTP_FROM);
    }
}
