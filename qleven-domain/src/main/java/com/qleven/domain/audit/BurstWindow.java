package com.qleven.domain.audit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The sliding window of one watched key (an account, an address) under a {@link BurstPolicy}: it
 * counts the distinct items seen within the window and says when the count first goes over the
 * threshold. Once it has, it stays quiet for one window, so a burst raises one alert per window
 * however long it lasts. A pure policy: the caller supplies every instant. Not thread-safe.
 */
public final class BurstWindow {
    private record Seen(String item, Instant at) {
    }

    private final BurstPolicy policy;
    private final Deque<Seen> arrivals = new ArrayDeque<>();
    private final Map<String, Instant> latest = new HashMap<>();
    private Instant now = Instant.MIN;
    private Instant quietUntil = Instant.MIN;
    private long counter;

    public BurstWindow(BurstPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Counts {@code item} at {@code at} (an item seen again within the window counts once) and
     * returns the number of distinct items in the window when this observation raises an alert.
     */
    public OptionalInt observeDistinct(String item, Instant at) {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(at, "at");
        // Observations of several threads may arrive slightly out of order; time never goes back here.
        if (at.isAfter(now)) {
            now = at;
        }
        forgetBefore(now.minus(policy.window()));
        arrivals.addLast(new Seen(item, now));
        latest.put(item, now);
        int distinct = latest.size();
        if (distinct > policy.threshold() && !now.isBefore(quietUntil)) {
            quietUntil = now.plus(policy.window());
            return OptionalInt.of(distinct);
        }
        return OptionalInt.empty();
    }

    /** Counts one event; every event is distinct. */
    public OptionalInt observe(Instant at) {
        return observeDistinct("#" + (counter++), at);
    }

    /** True when nothing is left in the window at {@code at}, so the caller may drop this window. */
    public boolean idleAt(Instant at) {
        return !at.minus(policy.window()).isBefore(now) && !at.isBefore(quietUntil);
    }

    /** Half-open window: an item exactly one window old has left it. */
    private void forgetBefore(Instant cutoff) {
        while (!arrivals.isEmpty() && !arrivals.peekFirst().at().isAfter(cutoff)) {
            Seen old = arrivals.pollFirst();
            if (old.at().equals(latest.get(old.item()))) {
                latest.remove(old.item());
            }
        }
    }
}
