package com.qleven.host.http.tenancy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.qleven.host.config.MailSettings;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import org.awaitility.Awaitility;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) on a loopback port for host tests, and how to read links out of its mail. */
final class LifecycleMail {
    private static final Pattern TOKEN = Pattern.compile("#token=(q[a-z]_[A-Za-z0-9_-]+)");
    final int port = freePort();
    private GreenMail server;

    void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    void stop() {
        server.stop();
    }

    /** The host's variables that send its mail here. */
    Map<String, String> environment() {
        return Map.of(MailSettings.SMTP_HOST, "127.0.0.1", MailSettings.SMTP_PORT, Integer.toString(port),
                MailSettings.SMTP_TLS, "none", MailSettings.SMTP_FROM, "Qleven <no-reply@qleven.test>",
                MailSettings.PUBLIC_URL, "https://app.qleven.test");
    }

    /** Waits (a few seconds at most: the dispatcher runs every second) for mail to the address. */
    List<MimeMessage> awaitMailTo(String email, int count) {
        return Awaitility.await("mail to " + email).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> to(email), mine -> mine.size() >= count);
    }

    List<MimeMessage> to(String email) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static String text(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token of the link in the newest mail to the address. */
    String lastToken(String email, int expected) {
        List<MimeMessage> mine = awaitMailTo(email, expected);
        return token(text(mine.get(mine.size() - 1)));
    }

    static String token(String text) {
        Matcher m = TOKEN.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no link in " + text);
        }
        return m.group(1);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
