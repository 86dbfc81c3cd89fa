package com.qleven.adapters.smtp;

import com.qleven.domain.shared.InfrastructureException;
import com.qleven.ports.shared.out.MailMessage;
import com.qleven.ports.shared.out.Mailer;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends mail through an SMTP server with Jakarta Mail (Eclipse Angus). STARTTLS, when chosen, is
 * required rather than attempted, and the server's certificate must name the host, so a network in
 * between can neither downgrade nor impersonate the server. Failures carry no address or message
 * text: the SMTP reply code when there is one, and whether a retry can help (a 5xx reply refusing
 * the recipient or the message cannot; everything else may).
 */
public final class SmtpMailer implements Mailer {
    private final SmtpSettings settings;
    private final Session session;
    private final InternetAddress from;
    private final Clock clock;

    public SmtpMailer(SmtpSettings settings, Clock clock) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
        this.clock = clock;
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("from is not an email address", e);
        }
    }

    static Properties properties(SmtpSettings s) {
        Properties p = new Properties();
        String protocol = s.security() == SmtpSettings.Security.TLS ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        p.setProperty("mail.transport.protocol", protocol);
        p.setProperty(prefix + "host", s.host());
        p.setProperty(prefix + "port", Integer.toString(s.port()));
        String millis = Long.toString(s.timeout().toMillis());
        p.setProperty(prefix + "connectiontimeout", millis);
        p.setProperty(prefix + "timeout", millis);
        p.setProperty(prefix + "writetimeout", millis);
        p.setProperty(prefix + "auth", Boolean.toString(s.user().isPresent()));
        if (s.security() == SmtpSettings.Security.STARTTLS) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if (s.security() != SmtpSettings.Security.NONE) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
            p.setProperty(prefix + "ssl.protocols", "TLSv1.3 TLSv1.2");
        }
        return p;
    }

    @Override
    public void send(MailMessage mail) {
        MimeMessage message;
        try {
            message = MimeMessages.of(session, from, mail, clock.instant());
        } catch (MessagingException e) {
            throw new InfrastructureException("the message cannot be built: " + e.getClass().getSimpleName(), false, e);
        }
        try (Transport transport = session.getTransport()) {
            transport.connect(settings.host(), settings.port(), settings.user().orElse(null),
                    settings.password().orElse(null));
            transport.sendMessage(message, message.getAllRecipients());
        } catch (AuthenticationFailedException e) {
            throw new InfrastructureException("the SMTP server refused the login of " + settings.host(), true, e);
        } catch (SMTPAddressFailedException e) {
            throw refused("the recipient", e.getReturnCode(), e);
        } catch (SMTPSendFailedException e) {
            throw refused("the message", e.getReturnCode(), e);
        } catch (SendFailedException e) {
            if (e.getNextException() instanceof SMTPAddressFailedException address) {
                throw refused("the recipient", address.getReturnCode(), e);
            }
            throw new InfrastructureException("the SMTP server did not take the message", true, e);
        } catch (MessagingException e) {
            throw new InfrastructureException("cannot send through the SMTP server " + settings.host() + ":"
                    + settings.port() + " (" + e.getClass().getSimpleName() + ")", true, e);
        }
    }

    private static InfrastructureException refused(String what, int code, MessagingException cause) {
        boolean permanent = code >= 500 && code < 600;
        return new InfrastructureException("the SMTP server refused " + what + " with " + code, !permanent, cause);
    }

    @Override
    public String toString() {
        return "SmtpMailer[" + settings + "]";
    }
}
