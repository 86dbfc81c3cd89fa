package com.qleven.adapters.smtp;

import com.qleven.ports.shared.out.MailMessage;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;

/** One plain-text UTF-8 message, built the same way for the SMTP server and for the mbox file. */
final class MimeMessages {
    private MimeMessages() {
    }

    static MimeMessage of(Session session, InternetAddress from, MailMessage mail, Instant at)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to().value()));
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(mail.text(), "UTF-8");
        message.setSentDate(Date.from(at));
        message.saveChanges();
        return message;
    }
}
