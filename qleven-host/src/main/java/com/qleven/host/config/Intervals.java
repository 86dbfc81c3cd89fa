package com.qleven.host.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often a background job runs, from its variable: {@code 250ms}, {@code 30s}, {@code 5m},
 * {@code 1h}, from 100 ms to 1 hour. Unset or blank means the job's default.
 */
public final class Intervals {
    private static final Pattern INTERVAL = Pattern.compile("^([1-9][0-9]{0,6})(ms|s|m|h)$");
    private static final Duration SHORTEST = Duration.ofMillis(100);
    private static final Duration LONGEST = Duration.ofHours(1);

    private Intervals() {
    }

    /**
     * The interval {@code name} sets, else {@code fallback}. A value that is no such interval adds a
     * problem naming the variable (with {@code example} as what it could be) and answers {@code fallback}.
     */
    public static Duration every(Map<String, String> env, String name, Duration fallback, String example,
                                 List<String> problems) {
        Optional<String> value = Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return fallback;
        }
        Matcher m = INTERVAL.matcher(value.get());
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            Duration every = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
            if (every.compareTo(SHORTEST) >= 0 && every.compareTo(LONGEST) <= 0) {
                return every;
            }
        }
        problems.add(name + " must be an interval from 100ms to 1h such as " + example + ", got '" + value.get()
                + "'");
        return fallback;
    }
}
