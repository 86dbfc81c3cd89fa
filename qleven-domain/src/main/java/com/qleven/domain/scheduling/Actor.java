package com.qleven.domain.scheduling;

import com.qleven.domain.shared.UserId;
import java.util.Objects;

/**
 * Who changed an appointment: a member of staff (by account), the client through their manage link
 * (no account), or the platform itself (an expiring offer, a series rolled back).
 */
public record Actor(Kind kind, UserId user) {
    public enum Kind {
        STAFF,
        CLIENT,
        SYSTEM;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.STAFF) != (user != null)) {
            throw new IllegalArgumentException("staff act with their account; the client and the system without one");
        }
    }

    public static Actor staff(UserId user) {
        return new Actor(Kind.STAFF, Objects.requireNonNull(user, "user"));
    }

    public static Actor client() {
        return new Actor(Kind.CLIENT, null);
    }

    public static Actor system() {
        return new Actor(Kind.SYSTEM, null);
    }

    public boolean isClient() {
        return kind == Kind.CLIENT;
    }
}
