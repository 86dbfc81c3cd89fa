package com.qleven.ports.testing;

import com.qleven.domain.shared.InfrastructureException;
import com.qleven.ports.shared.out.MailMessage;
import com.qleven.ports.shared.out.Mailer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A mail server in memory: keeps what it is sent, and can be switched off to play an outage. */
public final class RecordingMailer implements Mailer {
    private static final Pattern TOKEN = Pattern.compile("#token=(q[a-z]_[A-Za-z0-9_-]+)");
    private final List<MailMessage> sent = new ArrayList<>();
    private boolean down;

    @Override
    public synchronized void send(MailMessage message) {
        if (down) {
            throw new InfrastructureException("cannot send through the SMTP server (ConnectException)", true, null);
        }
        sent.add(message);
    }

    public synchronized void down(boolean isDown) {
        this.down = isDown;
    }

    public synchronized List<MailMessage> sent() {
        return List.copyOf(sent);
    }

    /** The messages sent to one address. */
    public synchronized List<MailMessage> to(String email) {
        return sent.stream().filter(m -> m.to().value().equals(email)).toList();
    }

    /** The token of the link in the last message sent to the address. */
    public synchronized String lastToken(String email) {
        List<MailMessage> mine = to(email);
        if (mine.isEmpty()) {
            throw new AssertionError("no mail was sent to " + email);
        }
        return token(mine.get(mine.size() - 1).text()).orElseThrow(() -> new AssertionError("no link in the mail"));
    }

    public static Optional<String> token(String text) {
        Matcher m = TOKEN.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
