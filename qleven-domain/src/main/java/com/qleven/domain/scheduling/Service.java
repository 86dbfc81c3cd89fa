package com.qleven.domain.scheduling;

import com.qleven.domain.billing.Money;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A treatment the center offers. An appointment occupies its professional, room and equipment from
 * {@code bufferBeforeMinutes} before its start until {@code bufferAfterMinutes} after its end
 * (preparation and cleaning). {@code taxRate} is the code of one of the center's rates (billing owns
 * them). An empty {@code professionalIds} means any professional with working hours may perform it.
 * A {@code deposit}, when present, is what the desk asks for at booking (more than 0, at most the
 * price, in its currency); each appointment keeps the one its booking asked for. Validated as the body of {@code POST /v1/services} is, naming each bad field.
 */
public record Service(ServiceId id, String name, int durationMinutes, int bufferBeforeMinutes,
                      int bufferAfterMinutes, Money price, String taxRate, boolean roomRequired,
                      Set<String> equipmentKinds, Set<UserId> professionalIds, boolean active,
                      Optional<Money> deposit) {
    public static final int MAX_NAME = 200;
    public static final int MAX_DURATION_MINUTES = 12 * 60;
    public static final int MAX_BUFFER_MINUTES = 4 * 60;
    public static final int MAX_EQUIPMENT_KINDS = 10;
    public static final int MAX_PROFESSIONALS = 500;

    public Service {
        List<FieldError> errors = new ArrayList<>();
        if (id == null) {
            errors.add(new FieldError("id", "is required"));
        }
        name = Texts.required(errors, "name", name, MAX_NAME);
        if (durationMinutes < 1 || durationMinutes > MAX_DURATION_MINUTES) {
            errors.add(new FieldError("durationMinutes", "must be 1 to " + MAX_DURATION_MINUTES));
        }
        if (bufferBeforeMinutes < 0 || bufferBeforeMinutes > MAX_BUFFER_MINUTES) {
            errors.add(new FieldError("bufferBeforeMinutes", "must be 0 to " + MAX_BUFFER_MINUTES));
        }
        if (bufferAfterMinutes < 0 || bufferAfterMinutes > MAX_BUFFER_MINUTES) {
            errors.add(new FieldError("bufferAfterMinutes", "must be 0 to " + MAX_BUFFER_MINUTES));
        }
        if (price == null) {
            errors.add(new FieldError("price", "is required"));
        } else if (price.isNegative()) {
            errors.add(new FieldError("price.amountMinor", "must not be negative"));
        }
        if (deposit == null) {
            deposit = Optional.empty();
        }
        if (deposit.isPresent()) {
            Money d = deposit.get();
            if (d.amountMinor() <= 0) {
                errors.add(new FieldError("deposit.amountMinor", "must be more than 0"));
            } else if (price != null && !d.currency().equals(price.currency())) {
                errors.add(new FieldError("deposit.currency", "must be the price's currency, "
                        + price.currency().getCurrencyCode()));
            } else if (price != null && d.amountMinor() > price.amountMinor()) {
                errors.add(new FieldError("deposit.amountMinor", "must be at most the price, "
                        + price.amountMinor()));
            }
        }
        if (taxRate == null || taxRate.isBlank()) {
            errors.add(new FieldError("taxRate", "is required"));
        }
        Set<String> kinds = new LinkedHashSet<>();
        List<String> givenKinds = equipmentKinds == null ? List.of() : new ArrayList<>(equipmentKinds);
        if (givenKinds.size() > MAX_EQUIPMENT_KINDS) {
            errors.add(new FieldError("equipmentKinds", "must name at most " + MAX_EQUIPMENT_KINDS + " kinds"));
        }
        for (int i = 0; i < givenKinds.size(); i++) {
            String kind = Texts.kind(errors, "equipmentKinds[" + i + "]", givenKinds.get(i));
            if (kind != null && !kinds.add(kind)) {
                errors.add(new FieldError("equipmentKinds[" + i + "]", "is named twice"));
            }
        }
        Set<UserId> professionals = new LinkedHashSet<>();
        List<UserId> givenProfessionals = professionalIds == null ? List.of() : new ArrayList<>(professionalIds);
        if (givenProfessionals.size() > MAX_PROFESSIONALS) {
            errors.add(new FieldError("professionalIds", "must name at most " + MAX_PROFESSIONALS));
        }
        for (int i = 0; i < givenProfessionals.size(); i++) {
            if (givenProfessionals.get(i) == null) {
                errors.add(new FieldError("professionalIds[" + i + "]", "is required"));
            } else {
                professionals.add(givenProfessionals.get(i));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        taxRate = taxRate.strip();
        equipmentKinds = java.util.Collections.unmodifiableSet(kinds);
        professionalIds = java.util.Collections.unmodifiableSet(professionals);
    }

    /** A service that asks no deposit. */
    public Service(ServiceId id, String name, int durationMinutes, int bufferBeforeMinutes, int bufferAfterMinutes,
                   Money price, String taxRate, boolean roomRequired, Set<String> equipmentKinds,
                   Set<UserId> professionalIds, boolean active) {
        this(id, name, durationMinutes, bufferBeforeMinutes, bufferAfterMinutes, price, taxRate, roomRequired,
                equipmentKinds, professionalIds, active, Optional.empty());
    }

    /** True when {@code professional} may perform it: named, or no one is named. */
    public boolean performableBy(UserId professional) {
        return professionalIds.isEmpty() || professionalIds.contains(professional);
    }

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    public Duration bufferBefore() {
        return Duration.ofMinutes(bufferBeforeMinutes);
    }

    public Duration bufferAfter() {
        return Duration.ofMinutes(bufferAfterMinutes);
    }

    /** Minutes its resources are held: buffer before, the treatment, buffer after. */
    public int occupiedMinutes() {
        return bufferBeforeMinutes + durationMinutes + bufferAfterMinutes;
    }

    public Service withActive(boolean value) {
        return new Service(id, name, durationMinutes, bufferBeforeMinutes, bufferAfterMinutes, price, taxRate,
                roomRequired, equipmentKinds, professionalIds, value, deposit);
    }
}
