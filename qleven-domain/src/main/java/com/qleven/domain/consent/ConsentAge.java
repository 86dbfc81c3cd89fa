package com.qleven.domain.consent;

import com.qleven.domain.shared.UnprocessableException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The minors rule (policy P18): the platform is not directed at under-16s, so a client younger than
 * {@value #MARKETING_AGE} on the center's date never gets marketing consent nor marketing. A client
 * without a birth date may consent; the entry then says the age was not verified.
 */
public final class ConsentAge {
    public static final int MARKETING_AGE = 16;

    private ConsentAge() {
    }

    /** The center's date at that instant: a birthday begins at midnight where the center is. */
    public static LocalDate centerDate(Instant at, ZoneId centerZone) {
        return LocalDate.ofInstant(at, centerZone);
    }

    /** Whole years from the birth date to the day; a 29 February birthday comes on 1 March in other years. */
    public static int ageOn(LocalDate birthDate, LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /**
     * Checks a decision against the client's age on the center's date and says whether the age was
     * verified (a birth date is known).
     *
     * @throws UnprocessableException naming {@code birthDate} for a marketing grant to a client under 16
     */
    public static boolean check(ConsentPurpose purpose, ConsentDecision decision, Optional<LocalDate> birthDate,
                                LocalDate centerToday) {
        return check(purpose.isMarketing(), decision, birthDate, centerToday);
    }

    /** The same check, for a purpose known to be marketing-like or not. */
    public static boolean check(boolean marketing, ConsentDecision decision, Optional<LocalDate> birthDate,
                                LocalDate centerToday) {
        Objects.requireNonNull(birthDate, "birthDate");
        if (birthDate.isEmpty()) {
            return false;
        }
        if (marketing && decision == ConsentDecision.GRANTED
                && ageOn(birthDate.get(), centerToday) < MARKETING_AGE) {
            throw new UnprocessableException("birthDate",
                    "a client under " + MARKETING_AGE + " cannot consent to marketing");
        }
        return true;
    }

    /**
     * Whether the purpose may be used for a client on the center's date: marketing needs 16 years
     * or more when the birth date is known; other purposes have no age rule.
     */
    public static boolean oldEnough(ConsentPurpose purpose, Optional<LocalDate> birthDate, LocalDate centerToday) {
        return oldEnough(purpose.isMarketing(), birthDate, centerToday);
    }

    /** The same rule, for a purpose known to be marketing-like or not. */
    public static boolean oldEnough(boolean marketing, Optional<LocalDate> birthDate, LocalDate centerToday) {
        return !marketing || birthDate.map(b -> ageOn(b, centerToday) >= MARKETING_AGE).orElse(true);
    }
}
