package com.qleven.domain.messaging;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * Who a campaign goes to: the center's clients matching EVERY criterion given (a new campaign needs
 * one: {@link #requireCriterion}):
 * <ul>
 *   <li>{@code lastVisitBefore}: the client's last completed appointment started before that day (UTC);
 *       a client who never completed one is left out unless {@code includeNeverVisited};</li>
 *   <li>{@code serviceIds}: the client completed an appointment for any of these services;</li>
 *   <li>{@code birthdayMonth} (1..12): the client's birth date falls in that month (no birth date: left out);</li>
 *   <li>{@code packageHolders} (true only): the client holds an active package with uses left, unexpired;</li>
 *   <li>{@code noShowsAtLeast} (1..1000): the client has at least that many no-show appointments;</li>
 *   <li>{@code clientIds}: one of these clients (at most {@link #MAX_CLIENT_IDS}); another center's ids
 *       and erased clients match nothing.</li>
 * </ul>
 * Ids are the clients' and services' uuids (this context names no other context's types). Every bad
 * member is named {@code segment.<field>}. The consent, age and opt-out rules are NOT applied here:
 * the dispatcher applies them when each message goes, so a campaign's progress shows why a client
 * was skipped.
 */
public record CampaignSegment(Optional<LocalDate> lastVisitBefore, boolean includeNeverVisited, Set<UUID> serviceIds,
                              OptionalInt birthdayMonth, boolean packageHolders, OptionalInt noShowsAtLeast,
                              Set<UUID> clientIds) {
    public static final int MAX_CLIENT_IDS = 10_000;
    public static final int MAX_SERVICE_IDS = 100;
    public static final int MAX_NO_SHOWS = 1000;

    public CampaignSegment {
        Objects.requireNonNull(lastVisitBefore, "lastVisitBefore");
        Objects.requireNonNull(serviceIds, "serviceIds");
        Objects.requireNonNull(birthdayMonth, "birthdayMonth");
        Objects.requireNonNull(noShowsAtLeast, "noShowsAtLeast");
        Objects.requireNonNull(clientIds, "clientIds");
        List<FieldError> errors = new ArrayList<>();
        if (includeNeverVisited && lastVisitBefore.isEmpty()) {
            errors.add(new FieldError("segment.includeNeverVisited", "applies only with lastVisitBefore"));
        }
        if (serviceIds.size() > MAX_SERVICE_IDS) {
            errors.add(new FieldError("segment.serviceIds", "must hold at most " + MAX_SERVICE_IDS + " ids"));
        }
        if (birthdayMonth.isPresent() && (birthdayMonth.getAsInt() < 1 || birthdayMonth.getAsInt() > 12)) {
            errors.add(new FieldError("segment.birthdayMonth", "must be between 1 and 12"));
        }
        if (noShowsAtLeast.isPresent() && (noShowsAtLeast.getAsInt() < 1 || noShowsAtLeast.getAsInt() > MAX_NO_SHOWS)) {
            errors.add(new FieldError("segment.noShowsAtLeast", "must be between 1 and " + MAX_NO_SHOWS));
        }
        if (clientIds.size() > MAX_CLIENT_IDS) {
            errors.add(new FieldError("segment.clientIds", "must hold at most " + MAX_CLIENT_IDS + " ids"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        serviceIds = Set.copyOf(new LinkedHashSet<>(serviceIds));
        clientIds = Set.copyOf(new LinkedHashSet<>(clientIds));
    }

    /**
     * This segment, or a validation error naming {@code segment} when it has no criterion: a new
     * campaign needs one. (A stored campaign may have none left: an erasure takes the client out of
     * its explicit list.)
     */
    public CampaignSegment requireCriterion() {
        if (lastVisitBefore.isEmpty() && serviceIds.isEmpty() && birthdayMonth.isEmpty() && !packageHolders
                && noShowsAtLeast.isEmpty() && clientIds.isEmpty()) {
            throw new ValidationException("segment", "needs at least one of lastVisitBefore, serviceIds, birthdayMonth,"
                    + " packageHolders, noShowsAtLeast, clientIds");
        }
        return this;
    }

    /** The same criteria without {@code client} in the explicit list (an erasure). */
    public CampaignSegment without(UUID client) {
        Set<UUID> kept = new LinkedHashSet<>(clientIds);
        kept.remove(client);
        return new CampaignSegment(lastVisitBefore, includeNeverVisited, serviceIds, birthdayMonth, packageHolders,
                noShowsAtLeast, kept);
    }

    /** Whether a criterion reads the clients' appointments (last visit, services taken, no-shows). */
    public boolean readsActivity() {
        return lastVisitBefore.isPresent() || !serviceIds.isEmpty() || noShowsAtLeast.isPresent();
    }

    /** Whether a client's appointment history matches the activity criteria ({@link #readsActivity}). */
    public boolean matchesActivity(Optional<LocalDate> lastVisit, Set<UUID> servicesTaken, int noShows) {
        if (lastVisitBefore.isPresent()) {
            boolean before = lastVisit.map(d -> d.isBefore(lastVisitBefore.get())).orElse(includeNeverVisited);
            if (!before) {
                return false;
            }
        }
        if (!serviceIds.isEmpty() && servicesTaken.stream().noneMatch(serviceIds::contains)) {
            return false;
        }
        return noShowsAtLeast.isEmpty() || noShows >= noShowsAtLeast.getAsInt();
    }

    /** Whether a birth date matches {@code birthdayMonth} (always, without that criterion). */
    public boolean matchesBirthday(Optional<LocalDate> birthDate) {
        return birthdayMonth.isEmpty()
                || birthDate.map(d -> d.getMonthValue() == birthdayMonth.getAsInt()).orElse(false);
    }
}
