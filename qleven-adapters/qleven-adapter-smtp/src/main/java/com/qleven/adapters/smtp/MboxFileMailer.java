package com.qleven.adapters.smtp;

import com.qleven.domain.shared.InfrastructureException;
import com.qleven.ports.shared.out.MailMessage;
import com.qleven.ports.shared.out.Mailer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Keeps mail in an mbox file instead of sending it, for a host without an SMTP server: every
 * message the platform would send is appended, whole, so a developer can open it with any mail
 * reader and follow the links. The file holds personal data and live links, so it is readable by
 * its owner only (0600), and is never written to the console.
 */
public final class MboxFileMailer implements Mailer {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Path file;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());
    private final InternetAddress from;

    public MboxFileMailer(Path file, String from, Clock clock) {
        this.file = file.toAbsolutePath().normalize();
        this.clock = clock;
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("from is not an email address", e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void send(MailMessage mail) {
        Instant now = clock.instant();
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            MimeMessages.of(session, from, mail, now).writeTo(raw);
            byte[] entry = mboxEntry(raw.toString(StandardCharsets.US_ASCII), now);
            ensureFile();
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
                out.write(entry);
            }
        } catch (IOException | MessagingException e) {
            throw new InfrastructureException("cannot keep the mail in " + file + ": " + e.getClass().getSimpleName(),
                    true, e);
        }
    }

    /** The mboxrd form: a separator line, the message with "From " lines quoted, and a blank line. */
    private static byte[] mboxEntry(String message, Instant at) throws IOException {
        StringBuilder out = new StringBuilder("From MAILER-DAEMON ").append(ASCTIME.format(at)).append('\n');
        try (BufferedReader lines = new BufferedReader(new StringReader(message))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.matches("^>*From .*")) {
                    out.append('>');
                }
                out.append(line).append('\n');
            }
        }
        return out.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
    }

    private void ensureFile() throws IOException {
        if (Files.exists(file)) {
            if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null
                    && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            return;
        }
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // another host process made it first; its mode is checked on the next message
        }
    }

    @Override
    public String toString() {
        return "MboxFileMailer[" + file + "]";
    }
}
