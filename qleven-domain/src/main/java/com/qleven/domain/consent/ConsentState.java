package com.qleven.domain.consent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A client's consents as they stand, derived from the ledger: for each purpose the latest entry
 * wins (entries arrive oldest first); a purpose with no entry is not granted.
 */
public final class ConsentState {
    private final Map<ConsentPurpose, ConsentEntry> latest;

    private ConsentState(Map<ConsentPurpose, ConsentEntry> latest) {
        this.latest = latest;
    }

    /** @param history the client's entries, oldest first, as the ledger answers them */
    public static ConsentState of(List<ConsentEntry> history) {
        Objects.requireNonNull(history, "history");
        Map<ConsentPurpose, ConsentEntry> latest = new LinkedHashMap<>();
        for (ConsentEntry entry : history) {
            latest.put(entry.purpose(), entry);
        }
        return new ConsentState(Collections.unmodifiableMap(latest));
    }

    public boolean granted(ConsentPurpose purpose) {
        return latest(purpose).map(ConsentEntry::grants).orElse(false);
    }

    public Optional<ConsentEntry> latest(ConsentPurpose purpose) {
        return Optional.ofNullable(latest.get(purpose));
    }

    /**
     * Granted or not for each purpose given and each purpose that has an entry, in that order: the
     * built-in purposes always appear, false until granted.
     */
    public Map<ConsentPurpose, Boolean> current(List<ConsentPurpose> always) {
        Map<ConsentPurpose, Boolean> current = new LinkedHashMap<>();
        always.forEach(p -> current.put(p, granted(p)));
        latest.keySet().forEach(p -> current.put(p, granted(p)));
        return Collections.unmodifiableMap(current);
    }
}
