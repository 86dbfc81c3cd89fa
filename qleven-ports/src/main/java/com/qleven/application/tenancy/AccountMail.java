package com.qleven.application.tenancy;

import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.tenancy.Role;
import com.qleven.ports.shared.out.MailMessage;
import java.net.URI;
import java.time.Duration;

/**
 * The messages of the account lifecycle and the links in them. A link carries its token in the
 * URL fragment ({@code …/accept-invitation#token=…}): browsers never send the fragment to a
 * server, so the token stays out of access logs, proxies and Referer headers; the dashboard page
 * reads it and posts it in a JSON body.
 */
final class AccountMail {
    private final String base;

    AccountMail(URI publicUrl) {
        String text = publicUrl.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    String invitationLink(String token) {
        return base + "/accept-invitation#token=" + token;
    }

    String resetLink(String token) {
        return base + "/reset-password#token=" + token;
    }

    MailMessage invitation(EmailAddress to, String centerName, Role role, String token, Duration lifetime) {
        return new MailMessage(to, "You are invited to join " + oneLine(centerName) + " on Qleven",
                "Hello,\n\n"
                        + centerName + " invites you to join its team on Qleven as " + article(role) + " "
                        + role.wireName() + ".\n\n"
                        + "To accept, open this link within " + lifetime.toHours() + " hours:\n\n"
                        + invitationLink(token) + "\n\n"
                        + "The link works once. If you already have a Qleven account with this email, accept with"
                        + " its password and the center is added to it.\n\n"
                        + "If you did not expect this invitation, ignore this message.\n");
    }

    MailMessage passwordReset(EmailAddress to, String token, Duration lifetime) {
        return new MailMessage(to, "Reset your Qleven password",
                "Hello,\n\n"
                        + "Someone asked to reset the password of the Qleven account of this email address.\n\n"
                        + "To choose a new password, open this link within " + lifetime.toMinutes() + " minutes:\n\n"
                        + resetLink(token) + "\n\n"
                        + "The link works once, and setting a new password signs the account out everywhere.\n"
                        + "If it was not you, ignore this message: your password stays as it is.\n");
    }

    private static String article(Role role) {
        return role == Role.ADMINISTRATOR ? "an" : "a";
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\p{Cntrl}", " ").strip();
        return line.length() <= 120 ? line : line.substring(0, 120);
    }
}
