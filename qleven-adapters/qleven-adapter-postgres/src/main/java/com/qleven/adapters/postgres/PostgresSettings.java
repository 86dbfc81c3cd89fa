package com.qleven.adapters.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach PostgreSQL. {@code ownerUser} owns the schema and runs the migrations; the pool logs
 * in as a separate unprivileged role so that row-level security holds even when the owner is a
 * superuser: {@code appUser} when an operator created one, otherwise a role named
 * {@code <database>_app} that the store creates with {@code derivedAppPassword} (the host derives it
 * from the master key so that every host agrees on it).
 *
 * <p>The constructor fails listing every problem. {@link #toString()} never shows a password.
 */
public record PostgresSettings(String jdbcUrl, String ownerUser, String ownerPassword, Optional<String> appUser,
                               Optional<String> appPassword, String derivedAppPassword, int maxPoolSize) {

    /** The pool's upper bound: PostgreSQL's own default allows 100 connections in all. */
    public static final int MAX_POOL_SIZE = 200;

    // Credentials in the URL would override the ones given here, so the pool could log in as the
    // owner and escape row-level security.
    private static final Pattern CREDENTIALS_IN_URL =
            Pattern.compile("[?&](user|password)=", Pattern.CASE_INSENSITIVE);

    public PostgresSettings {
        List<String> problems = new ArrayList<>();
        appUser = appUser == null ? Optional.empty() : appUser;
        appPassword = appPassword == null ? Optional.empty() : appPassword;
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            problems.add("jdbcUrl must start with jdbc:postgresql:");
        } else if (CREDENTIALS_IN_URL.matcher(jdbcUrl).find()) {
            problems.add("jdbcUrl must not carry user or password parameters; set them separately");
        }
        if (ownerUser == null || ownerUser.isBlank()) {
            problems.add("ownerUser is required");
        }
        if (ownerPassword == null) {
            problems.add("ownerPassword is required (empty for trust or peer authentication)");
        }
        if (appUser.isPresent() && appUser.get().isBlank()) {
            problems.add("appUser must not be blank");
        }
        if (appUser.isPresent() && appUser.get().equals(ownerUser)) {
            problems.add("appUser must be a role other than ownerUser, or row-level security does not hold");
        }
        if (appPassword.isPresent() && appUser.isEmpty()) {
            problems.add("appPassword is set without appUser");
        }
        if (derivedAppPassword == null || (appUser.isEmpty() && derivedAppPassword.isBlank())) {
            problems.add("derivedAppPassword is required when appUser is not set");
        }
        if (maxPoolSize < 1 || maxPoolSize > MAX_POOL_SIZE) {
            problems.add("maxPoolSize must be between 1 and " + MAX_POOL_SIZE);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid PostgreSQL settings: " + String.join("; ", problems));
        }
    }

    /** Settings for an owner that may create the app role itself. */
    public static PostgresSettings of(String jdbcUrl, String ownerUser, String ownerPassword,
                                      String derivedAppPassword, int maxPoolSize) {
        return new PostgresSettings(jdbcUrl, ownerUser, ownerPassword, Optional.empty(), Optional.empty(),
                derivedAppPassword, maxPoolSize);
    }

    /** The same settings with another pool size. */
    public PostgresSettings withMaxPoolSize(int size) {
        return new PostgresSettings(jdbcUrl, ownerUser, ownerPassword, appUser, appPassword, derivedAppPassword, size);
    }

    @Override
    public String toString() {
        return "PostgresSettings[jdbcUrl=" + jdbcUrl + ", ownerUser=" + ownerUser + ", ownerPassword=***"
                + ", appUser=" + appUser.orElse("(<database>_app)")
                + ", appPassword=" + (appPassword.isPresent() ? "***" : "(none)")
                + ", derivedAppPassword=***, maxPoolSize=" + maxPoolSize + "]";
    }
}
