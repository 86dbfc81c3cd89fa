package com.qleven.domain.scheduling;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.ValidationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A recurring series: every {@code everyWeeks} weeks (1 to 12), {@code count} appointments (2 to 52)
 * in all, each at the same local wall-clock time as the first. Across a daylight-saving change the
 * local time stays and the instant moves; a local time that does not exist on an occurrence's night
 * makes the series impossible, and the expansion says which occurrence.
 */
public record SeriesRule(int everyWeeks, int count) {
    public static final int MAX_EVERY_WEEKS = 12;
    public static final int MIN_COUNT = 2;
    public static final int MAX_COUNT = 52;

    public SeriesRule {
        List<FieldError> errors = new ArrayList<>();
        if (everyWeeks < 1 || everyWeeks > MAX_EVERY_WEEKS) {
            errors.add(new FieldError("everyWeeks", "must be 1 to " + MAX_EVERY_WEEKS));
        }
        if (count < MIN_COUNT || count > MAX_COUNT) {
            errors.add(new FieldError("count", "must be " + MIN_COUNT + " to " + MAX_COUNT));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** The result of expanding a rule: every start, or the first occurrence that cannot exist. */
    public sealed interface Expansion {
        /** The starts in order, the first being the one asked for. */
        record Occurrences(List<Instant> starts) implements Expansion {
            public Occurrences {
                starts = List.copyOf(starts);
            }
        }

        /** Occurrence {@code number} (1-based) would start at {@code localStart}, which that night skips. */
        record Impossible(int number, LocalDateTime localStart, ZoneId zone) implements Expansion {
        }

        /** The starts, or a 422 naming {@code start} that says which occurrence cannot exist. */
        default List<Instant> startsOrThrow() {
            if (this instanceof Occurrences o) {
                return o.starts();
            }
            Impossible i = (Impossible) this;
            throw new UnprocessableException("start", "occurrence " + i.number() + " would start at " + i.localStart()
                    + ", a time that does not exist in " + i.zone() + " that night");
        }
    }

    /**
     * Every start of the series from {@code first}, at its local wall-clock time in {@code zone}. In
     * the repeated hour of an autumn night an occurrence keeps the first's offset when it can and
     * otherwise takes the earlier instant.
     */
    public Expansion expand(Instant first, ZoneId zone) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(zone, "zone");
        ZoneRules rules = zone.getRules();
        LocalDateTime local = LocalDateTime.ofInstant(first, zone);
        ZoneOffset firstOffset = rules.getOffset(first);
        List<Instant> starts = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            LocalDateTime at = local.plusWeeks((long) n * everyWeeks);
            List<ZoneOffset> offsets = rules.getValidOffsets(at);
            if (offsets.isEmpty()) {
                return new Expansion.Impossible(n + 1, at, zone);
            }
            ZoneOffset offset = offsets.contains(firstOffset) ? firstOffset : offsets.get(0);
            starts.add(at.toInstant(offset));
        }
        return new Expansion.Occurrences(starts);
    }
}
