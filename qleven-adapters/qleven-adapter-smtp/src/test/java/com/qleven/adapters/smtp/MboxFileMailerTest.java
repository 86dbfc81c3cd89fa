package com.qleven.adapters.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.domain.shared.EmailAddress;
import com.qleven.ports.shared.out.MailMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MboxFileMailerTest {
    @TempDir
    Path dir;

    @Test
    void messagesAreAppendedToAFileOnlyItsOwnerMayRead() throws Exception {
        Path file = dir.resolve("data/mail.mbox");
        MboxFileMailer mailer = new MboxFileMailer(file, "Qleven <no-reply@qleven.test>",
                Clock.fixed(Instant.parse("2026-03-29T08:00:00Z"), ZoneOffset.UTC));

        mailer.send(new MailMessage(new EmailAddress("ana@example.test"), "Reset your Qleven password",
                "From the link below:\nhttps://app.qleven.test/reset-password#token=qr_abc\n"));
        mailer.send(new MailMessage(new EmailAddress("luis@example.test"), "Second", "Hello\n"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String mbox = Files.readString(file, StandardCharsets.US_ASCII);
        assertThat(mbox).startsWith("From MAILER-DAEMON Sun Mar 29 08:00:00 2026\n");
        assertThat(mbox.split("\nFrom MAILER-DAEMON ", -1)).hasSize(2);
        assertThat(mbox).contains("To: ana@example.test").contains("Subject: Reset your Qleven password")
                .contains("To: luis@example.test").contains("qr_abc");
        // A body line that starts with "From " would otherwise split the message in two.
        assertThat(mbox).contains("\n>From the link below:");
    }

    @Test
    void anExistingFileIsNarrowedToItsOwner() throws Exception {
        Path file = dir.resolve("mail.mbox");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        new MboxFileMailer(file, "no-reply@qleven.test", Clock.systemUTC())
                .send(new MailMessage(new EmailAddress("ana@example.test"), "Hi", "Text\n"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
