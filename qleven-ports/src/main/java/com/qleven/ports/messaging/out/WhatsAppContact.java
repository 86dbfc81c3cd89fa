package com.qleven.ports.messaging.out;

import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Someone who wrote to a center's WhatsApp number: one per center and sender's number, found by the
 * number's blind index, computed as the clients context indexes a client's phone (so the contact of a
 * client is the one at the client's phone's index). The number and the WhatsApp profile name are
 * sealed under the contact's own data key ({@code application.messaging.InboundSeal}, scope
 * {@code whatsapp_contact} and the contact's id): forgetting a contact shreds that key.
 * <ul>
 *   <li>{@code lastInboundAt}: Meta's time of the latest message from the number, merged as a maximum
 *       whatever order the messages come in; it opens the 24-hour window ({@code ConversationWindow}).</li>
 *   <li>{@code match}: how many of the center's clients had the number when it last wrote.</li>
 *   <li>{@code staffTold}: whether the center's staff were told once that the number matches no client
 *       or several.</li>
 *   <li>{@code movedTo}: the contact at the number the sender moved to ({@code user_changed_number}).</li>
 * </ul>
 * {@code toString} shows no number or name.
 */
public record WhatsAppContact(TenantId tenant, UUID id, BlindIndex phoneIndex, byte[] sealedNumber,
                              Optional<byte[]> sealedProfileName, Instant firstSeenAt, Optional<Instant> lastInboundAt,
                              Match match, boolean staffTold, Optional<UUID> movedTo) {
    public WhatsAppContact {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(phoneIndex, "phoneIndex");
        Objects.requireNonNull(sealedNumber, "sealedNumber");
        Objects.requireNonNull(sealedProfileName, "sealedProfileName");
        Objects.requireNonNull(firstSeenAt, "firstSeenAt");
        Objects.requireNonNull(lastInboundAt, "lastInboundAt");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(movedTo, "movedTo");
        if (movedTo.filter(id::equals).isPresent()) {
            throw new IllegalArgumentException("a contact does not move to itself");
        }
    }

    /** How many of the center's clients have the contact's number: none, one, or several (a shared number). */
    public enum Match {
        UNMATCHED, MATCHED, SHARED;

        public static Match of(int clients) {
            return clients == 0 ? UNMATCHED : clients == 1 ? MATCHED : SHARED;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Match parse(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    @Override
    public String toString() {
        return "WhatsAppContact[id=" + id + ", match=" + match + "]";
    }
}
