package com.qleven.ports.clients.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.TenantId;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What messaging reads of a client to address a message: the name its parameters use, the phone
 * it goes to, the language its template is chosen in and the birth date the marketing rules
 * check. For the services of other contexts, not for principals: it checks no permission and
 * records no audit event, and runs in the unit of work open on the caller's thread (opening none of
 * its own), whose use case does both.
 */
public interface MessageRecipients {

    /**
     * The client as a message's recipient; empty when the center has no such client or the client
     * was erased. One statement of the store, then the client's key (none when the unit read it).
     */
    Optional<Recipient> of(TenantId tenant, ClientId client);

    /**
     * Those of {@code clients} the center has and that are not erased, read in one statement and
     * their keys in one more: a batch of messages never reads per client.
     */
    Map<ClientId, Recipient> of(TenantId tenant, Collection<ClientId> clients);

    /**
     * The center's clients that are not erased, at most {@code limit} of them read (so a caller that
     * wants to tell a larger center asks for one more), in one statement and their keys in one more:
     * for a campaign's segment, which matches by birth month and history in the application.
     */
    Map<ClientId, Recipient> everyone(TenantId tenant, int limit);

    /**
     * A client as a message's recipient. {@code preferredLanguage} empty means the center's locale.
     * Its {@link #toString()} shows nothing personal.
     */
    record Recipient(String fullName, Optional<PhoneNumber> phone, Optional<Locale> preferredLanguage,
                     Optional<LocalDate> birthDate) {
        public Recipient {
            Objects.requireNonNull(fullName, "fullName");
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(preferredLanguage, "preferredLanguage");
            Objects.requireNonNull(birthDate, "birthDate");
        }

        @Override
        public String toString() {
            return "Recipient[redacted]";
        }
    }
}
