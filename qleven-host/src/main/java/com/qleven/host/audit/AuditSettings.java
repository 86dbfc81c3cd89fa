package com.qleven.host.audit;

import com.qleven.domain.audit.BurstPolicy;
import com.qleven.host.config.ConfigException;
import com.qleven.host.config.Intervals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit trail's settings: when bursts raise alerts, written {@code COUNT/WINDOW} such as
 * {@code 200/10m} (more than 200 within any 10 minutes; the window in {@code s}, {@code m} or
 * {@code h}), how often the heads are witnessed outside the database, and how often appended events
 * are sealed into their chains ({@code 250ms}, {@code 1s}, {@code 5m}: 100 ms to 1 hour).
 */
public record AuditSettings(BurstPolicy clientReads, BurstPolicy failedSignIns, Duration witnessEvery,
                            Duration sealEvery) {
    public static final String ALERT_CLIENT_READS = "QLEVEN_ALERT_CLIENT_READS";
    public static final String ALERT_FAILED_SIGN_INS = "QLEVEN_ALERT_FAILED_SIGN_INS";
    public static final String SEAL_EVERY = "QLEVEN_AUDIT_SEAL_EVERY";
    static final Duration WITNESS_EVERY = Duration.ofMinutes(1);
    static final Duration SEAL_EVERY_DEFAULT = Duration.ofSeconds(1);
    private static final Pattern BURST = Pattern.compile("^([1-9][0-9]{0,6})/([1-9][0-9]{0,4})([smh])$");

    public AuditSettings {
        Objects.requireNonNull(clientReads, "clientReads");
        Objects.requireNonNull(failedSignIns, "failedSignIns");
        Objects.requireNonNull(witnessEvery, "witnessEvery");
        Objects.requireNonNull(sealEvery, "sealEvery");
    }

    /** Reads the variables, naming every wrong one. */
    public static AuditSettings fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        BurstPolicy clientReads = burst(env, ALERT_CLIENT_READS, BurstPolicy.CLIENT_READS, problems);
        BurstPolicy failedSignIns = burst(env, ALERT_FAILED_SIGN_INS, BurstPolicy.FAILED_SIGN_INS, problems);
        Duration sealEvery = Intervals.every(env, SEAL_EVERY, SEAL_EVERY_DEFAULT, "1s or 500ms", problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new AuditSettings(clientReads, failedSignIns, WITNESS_EVERY, sealEvery);
    }

    private static BurstPolicy burst(Map<String, String> env, String name, BurstPolicy fallback,
                                     List<String> problems) {
        Optional<String> value = Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return fallback;
        }
        Matcher m = BURST.matcher(value.get());
        if (!m.matches()) {
            problems.add(name + " must be COUNT/WINDOW such as " + fallback.threshold() + "/"
                    + fallback.window().toMinutes() + "m (window in s, m or h), got '" + value.get() + "'");
            return fallback;
        }
        long amount = Long.parseLong(m.group(2));
        Duration window = switch (m.group(3)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        return new BurstPolicy(Integer.parseInt(m.group(1)), window);
    }
}
