package com.qleven.host;

import com.qleven.adapters.smtp.MboxFileMailer;
import com.qleven.adapters.smtp.SmtpMailer;
import com.qleven.application.Qleven;
import com.qleven.host.config.HostConfig;
import com.qleven.ports.shared.out.Mailer;
import dagger.Module;
import dagger.Provides;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Singleton;

/**
 * Mail: through the configured SMTP server, or, with no {@code QLEVEN_SMTP_HOST}, kept in
 * {@code <data dir>/mail.mbox} (owner-only) so that a development host needs no mail server and
 * never prints links (which are credentials) to the console.
 */
@Module
public final class MailModule {
    static final String MBOX = "mail.mbox";

    private MailModule() {
    }

    static Path mboxFile(HostConfig config) {
        return config.dataDir().resolve(MBOX);
    }

    @Provides
    @Singleton
    static Mailer mailer(HostConfig config, Clock clock) {
        if (config.mail().smtp().isPresent()) {
            return new SmtpMailer(config.mail().smtp().get(), clock);
        }
        DataDirectory.ensure(config.dataDir());
        return new MboxFileMailer(mboxFile(config), config.mail().from(), clock);
    }

    @Provides
    @Singleton
    static MailDispatcher mailDispatcher(Qleven qleven, HostConfig config, Resources resources) {
        String destination = config.mail().smtp()
                .map(s -> "sent through " + s.host() + ":" + s.port() + " (" + s.security().wireName() + ")")
                .orElse("not sent (" + com.qleven.host.config.MailSettings.SMTP_HOST + " is unset); kept in "
                        + mboxFile(config));
        return resources.register("mail dispatcher",
                new MailDispatcher(qleven.platform()::dispatchMail, Duration.ofSeconds(1), destination));
    }
}
