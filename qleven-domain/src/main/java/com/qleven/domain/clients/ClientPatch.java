package com.qleven.domain.clients;

import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A JSON merge patch (RFC 7396) of a client's details: each member absent from the patch stays as
 * it is, a null member is cleared, any other value replaces it. The full name can be replaced but
 * never cleared. The billing identity is an object: see {@link BillingIdentityPatch}. Applying a
 * patch is a pure function of the current details.
 */
public record ClientPatch(FieldChange<String> fullName, FieldChange<PhoneNumber> phone,
                          FieldChange<EmailAddress> email, FieldChange<LocalDate> birthDate,
                          FieldChange<String> notes, BillingIdentityPatch billingIdentity,
                          FieldChange<Locale> preferredLanguage) {
    /**
     * The members a client patch may hold. The billing identity's members come flat, by their dotted
     * names ({@code billingIdentity.name}); {@code billingIdentity} itself only as null, to remove it.
     */
    public static final Set<String> MEMBERS = Set.of("fullName", "phone", "email", "birthDate", "notes",
            "preferredLanguage",
            BillingIdentity.FIELD, BillingIdentity.FIELD + ".name", BillingIdentity.FIELD + ".address",
            BillingIdentity.FIELD + ".taxId");

    public ClientPatch {
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(billingIdentity, "billingIdentity");
        Objects.requireNonNull(preferredLanguage, "preferredLanguage");
        if (fullName instanceof FieldChange.Cleared) {
            throw new ValidationException("fullName", "cannot be cleared");
        }
    }

    /** A patch that leaves the preferred language alone. */
    public ClientPatch(FieldChange<String> fullName, FieldChange<PhoneNumber> phone, FieldChange<EmailAddress> email,
                       FieldChange<LocalDate> birthDate, FieldChange<String> notes,
                       BillingIdentityPatch billingIdentity) {
        this(fullName, phone, email, birthDate, notes, billingIdentity, FieldChange.unchanged());
    }

    /** A patch that leaves the billing identity alone. */
    public ClientPatch(FieldChange<String> fullName, FieldChange<PhoneNumber> phone, FieldChange<EmailAddress> email,
                       FieldChange<LocalDate> birthDate, FieldChange<String> notes) {
        this(fullName, phone, email, birthDate, notes, BillingIdentityPatch.unchanged());
    }

    /**
     * Reads a flat merge patch: member name to its new text, or to null to clear it (a member that
     * is absent from the map is left alone). Names every unknown member and every bad value at once.
     *
     * @param phones parses a phone as typed into E.164, throwing a {@link ValidationException}
     *               when it is not a valid number
     */
    public static ClientPatch parse(Map<String, String> mergePatch, Function<String, PhoneNumber> phones) {
        List<FieldError> errors = new ArrayList<>();
        mergePatch.keySet().stream().filter(k -> !MEMBERS.contains(k)).sorted()
                .forEach(k -> errors.add(new FieldError(k, "is not a known member")));
        FieldChange<String> fullName = FieldChange.unchanged();
        if (mergePatch.containsKey("fullName")) {
            if (mergePatch.get("fullName") == null) {
                errors.add(new FieldError("fullName", "cannot be cleared"));
            } else {
                fullName = replaced(ClientFields.name(errors, mergePatch.get("fullName")));
            }
        }
        FieldChange<PhoneNumber> phone = change(mergePatch, "phone",
                v -> ClientFields.phone(errors, v, phones));
        FieldChange<EmailAddress> email = change(mergePatch, "email", v -> ClientFields.email(errors, v));
        FieldChange<LocalDate> birthDate = change(mergePatch, "birthDate", v -> ClientFields.birthDate(errors, v));
        FieldChange<String> notes = FieldChange.unchanged();
        if (mergePatch.containsKey("notes")) {
            // Blank notes are no notes: the same as clearing them.
            notes = ClientFields.notes(errors, mergePatch.get("notes"))
                    .<FieldChange<String>>map(FieldChange::replacedBy).orElse(FieldChange.cleared());
        }
        BillingIdentityPatch billing = billing(errors, mergePatch);
        FieldChange<Locale> language = change(mergePatch, "preferredLanguage",
                v -> ClientFields.preferredLanguage(errors, v));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ClientPatch(fullName, phone, email, birthDate, notes, billing, language);
    }

    private static BillingIdentityPatch billing(List<FieldError> errors, Map<String, String> mergePatch) {
        String prefix = BillingIdentity.FIELD + ".";
        boolean members = mergePatch.keySet().stream().anyMatch(k -> k.startsWith(prefix) && MEMBERS.contains(k));
        if (mergePatch.containsKey(BillingIdentity.FIELD)) {
            if (mergePatch.get(BillingIdentity.FIELD) != null) {
                errors.add(new FieldError(BillingIdentity.FIELD, "must be an object, or null to remove it"));
            } else if (members) {
                errors.add(new FieldError(BillingIdentity.FIELD, "cannot be removed and changed at once"));
            }
            return BillingIdentityPatch.removal();
        }
        FieldChange<String> name = FieldChange.unchanged();
        FieldChange<String> address = FieldChange.unchanged();
        FieldChange<String> taxId = FieldChange.unchanged();
        if (mergePatch.containsKey(prefix + "name")) {
            name = BillingIdentityPatch.member(errors, "name", mergePatch.get(prefix + "name"));
        }
        if (mergePatch.containsKey(prefix + "address")) {
            address = BillingIdentityPatch.member(errors, "address", mergePatch.get(prefix + "address"));
        }
        if (mergePatch.containsKey(prefix + "taxId")) {
            taxId = BillingIdentityPatch.member(errors, "taxId", mergePatch.get(prefix + "taxId"));
        }
        return new BillingIdentityPatch(false, name, address, taxId);
    }

    private static <T> FieldChange<T> replaced(T value) {
        return value == null ? FieldChange.unchanged() : FieldChange.replacedBy(value);
    }

    private static <T> FieldChange<T> change(Map<String, String> patch, String member,
                                             Function<String, Optional<T>> parse) {
        if (!patch.containsKey(member)) {
            return FieldChange.unchanged();
        }
        String value = patch.get(member);
        if (value == null) {
            return FieldChange.cleared();
        }
        // A bad value is recorded as an error by the parser; the change is never used then.
        return parse.apply(value).<FieldChange<T>>map(FieldChange::replacedBy).orElse(FieldChange.unchanged());
    }

    /** A patch that changes nothing. */
    public static ClientPatch empty() {
        return new ClientPatch(FieldChange.unchanged(), FieldChange.unchanged(), FieldChange.unchanged(),
                FieldChange.unchanged(), FieldChange.unchanged(), BillingIdentityPatch.unchanged(),
                FieldChange.unchanged());
    }

    /** The details with this patch applied; validated as any details are. */
    public ClientDetails applyTo(ClientDetails current) {
        return new ClientDetails(
                fullName.applyTo(Optional.of(current.fullName())).orElseThrow(),
                phone.applyTo(current.phone()),
                email.applyTo(current.email()),
                birthDate.applyTo(current.birthDate()),
                notes.applyTo(current.notes()),
                billingIdentity.applyTo(current.billingIdentity()),
                preferredLanguage.applyTo(current.preferredLanguage()));
    }

    /** Whether the patch sets or clears the notes: only roles that may read notes may do that. */
    public boolean touchesNotes() {
        return !(notes instanceof FieldChange.Unchanged);
    }
}
