package com.qleven.ports.shared.out;

/**
 * Sends email now (SMTP in the default adapter). Use cases never call it directly: they queue mail
 * in the {@link MailOutbox} inside their unit of work, and the dispatcher sends it after the commit.
 */
public interface Mailer {

    /**
     * Returns once the server accepted the message.
     *
     * @throws com.qleven.domain.shared.InfrastructureException when it was not sent;
     *         {@code retryable()} is false when sending it again cannot help (the server refused
     *         the recipient for good)
     */
    void send(MailMessage message);
}
