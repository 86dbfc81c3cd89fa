package com.qleven.ports.messaging.in;

import com.qleven.domain.messaging.MessagingSettings;
import java.util.Objects;

/**
 * A center's messaging settings as staff read them, with the version a change must name (its
 * {@code ETag}): 0 while the center runs on {@link MessagingSettings#defaults()}.
 */
public record MessagingSettingsView(MessagingSettings settings, long version) {
    public MessagingSettingsView {
        Objects.requireNonNull(settings, "settings");
        if (version < 0) {
            throw new IllegalArgumentException("version: " + version);
        }
    }
}
