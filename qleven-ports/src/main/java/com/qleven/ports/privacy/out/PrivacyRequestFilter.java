package com.qleven.ports.privacy.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which requests a list or count takes: only unanswered ones when {@code openOnly}, and those whose
 * due time in force is at or after {@code dueFrom} and before {@code dueBefore} when given.
 */
public record PrivacyRequestFilter(boolean openOnly, Optional<Instant> dueFrom, Optional<Instant> dueBefore) {
    public static final PrivacyRequestFilter ALL = new PrivacyRequestFilter(false, Optional.empty(), Optional.empty());

    public PrivacyRequestFilter {
        Objects.requireNonNull(dueFrom, "dueFrom");
        Objects.requireNonNull(dueBefore, "dueBefore");
        if ((dueFrom.isPresent() || dueBefore.isPresent()) && !openOnly) {
            throw new IllegalArgumentException("a due window concerns unanswered requests only");
        }
    }

    /** Whether a request with this due time and completion is taken. */
    public boolean matches(Instant dueAt, boolean completed) {
        return !(openOnly && completed)
                && dueFrom.map(from -> !dueAt.isBefore(from)).orElse(true)
                && dueBefore.map(dueAt::isBefore).orElse(true);
    }
}
