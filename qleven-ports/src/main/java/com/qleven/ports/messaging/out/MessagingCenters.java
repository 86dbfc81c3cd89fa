package com.qleven.ports.messaging.out;

import com.qleven.domain.messaging.MessagingSettings;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A center's messaging settings, in its unit; none saved means {@link MessagingSettings#defaults()}
 * at version 0. {@code version} counts saves, so a change made from a stale read is refused
 * (optimistic concurrency, the {@code ETag} of the settings route).
 */
public interface MessagingCenters {
    /** The saved settings and their version; empty until an administrator saves some. */
    Optional<Saved> read(TenantId tenant);

    /** The saved settings; empty until an administrator saves some (then the defaults apply). */
    default Optional<MessagingSettings> find(TenantId tenant) {
        return read(tenant).map(Saved::settings);
    }

    /**
     * Saves the settings as version {@code expectedVersion + 1}, in the caller's unit, only when the
     * stored version is {@code expectedVersion} (0: none saved yet). False, writing nothing, when
     * another save came first.
     */
    boolean save(TenantId tenant, MessagingSettings settings, long expectedVersion, Instant at);

    /** Settings as saved, with their version (1 for the first save). */
    record Saved(MessagingSettings settings, long version) {
        public Saved {
            Objects.requireNonNull(settings, "settings");
            if (version < 1) {
                throw new IllegalArgumentException("a saved version is at least 1: " + version);
            }
        }
    }
}
