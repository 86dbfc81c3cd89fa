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

    String membershipLink(String token) {
        return base + "/accept-membership#token=" + token;
    }

    MailMessage invitation(EmailAddress to, String centerName, Role role, String token, Duration lifetime) {
        String name = plainName(centerName);
        return new MailMessage(to, "You are invited to join " + name + " on Qleven",
                "Hello,\n\n"
                        + "The center \"" + name + "\" invites you to join its team on Qleven as " + article(role) + " "
                        + role.wireName() + ".\n\n"
                        + "To accept, open this link within " + lifetime.toHours() + " hours:\n\n"
                        + invitationLink(token) + "\n\n"
                        + "The link works once. If you already have a Qleven account with this email, accept with"
                        + " its password and the center is added to it.\n\n"
                        + "If you did not expect this invitation, ignore this message.\n");
    }

    MailMessage membershipRequest(EmailAddress to, String centerName, Role role, String token, Duration lifetime) {
        String name = plainName(centerName);
        return new MailMessage(to, "A center asks you to join its team on Qleven",
                "Hello,\n\n"
                        + "The center \"" + name + "\" added this email to its team on Qleven as " + article(role)
                        + " " + role.wireName() + ". You already have a Qleven account, so nothing changes until you"
                        + " say yes: the center does not see your account's details, and its password choice does not"
                        + " touch your account.\n\n"
                        + "To accept, open this link within " + lifetime.toHours() + " hours and enter your own"
                        + " password:\n\n"
                        + membershipLink(token) + "\n\n"
                        + "You can also accept or decline once signed in, under your memberships.\n"
                        + "If you do not want to join, ignore this message or decline it.\n");
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

    /**
     * A center's name as plain text that no mail client turns into a link: a center may be named
     * {@code www.evil.example} or {@code http://x}, and a link in our mail would lend it our
     * authority. The characters that make a link (dot, colon, slash, at sign) become look-alikes that
     * link detectors do not read as such; control characters become spaces, and the name one line.
     */
    static String plainName(String text) {
        String line = text.replaceAll("\\p{Cntrl}", " ").strip();
        line = line.length() <= 120 ? line : line.substring(0, 120);
        return line.replace('.', '\u2024').replace(':', '\uA789').replace('/', '\u2215')
                .replace('\\', '\u2216').replace('@', '\uFF20');
    }
}
