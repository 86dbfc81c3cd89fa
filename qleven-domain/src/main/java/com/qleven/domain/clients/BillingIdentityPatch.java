package com.qleven.domain.clients;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a merge patch (RFC 7396) does to a client's billing identity: nothing, removes it
 * ({@code "billingIdentity": null}), or merges members into it ({@code "billingIdentity": {...}}:
 * a member absent stays, a null or blank member is cleared, any other value replaces it). A merge
 * into a client without an identity starts from an empty one. Whatever is merged must leave a name
 * or an address, else it is refused naming {@code billingIdentity}: only null removes the identity.
 */
public record BillingIdentityPatch(boolean removed, FieldChange<String> name, FieldChange<String> address,
                                   FieldChange<String> taxId) {
    public BillingIdentityPatch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(taxId, "taxId");
        if (removed && !(name instanceof FieldChange.Unchanged && address instanceof FieldChange.Unchanged
                && taxId instanceof FieldChange.Unchanged)) {
            throw new ValidationException(BillingIdentity.FIELD, "cannot be removed and changed at once");
        }
    }

    /** A patch that leaves the identity as it is. */
    public static BillingIdentityPatch unchanged() {
        return new BillingIdentityPatch(false, FieldChange.unchanged(), FieldChange.unchanged(), FieldChange.unchanged());
    }

    /** A patch that removes the identity. */
    public static BillingIdentityPatch removal() {
        return new BillingIdentityPatch(true, FieldChange.unchanged(), FieldChange.unchanged(), FieldChange.unchanged());
    }

    /** Whether the patch touches the identity at all. */
    public boolean isUnchanged() {
        return !removed && name instanceof FieldChange.Unchanged && address instanceof FieldChange.Unchanged
                && taxId instanceof FieldChange.Unchanged;
    }

    /**
     * The identity after the patch.
     *
     * @throws ValidationException on {@code billingIdentity} when a merge leaves neither a name nor an address
     */
    public Optional<BillingIdentity> applyTo(Optional<BillingIdentity> current) {
        if (removed) {
            return Optional.empty();
        }
        if (isUnchanged()) {
            return current;
        }
        Optional<String> newName = name.applyTo(current.flatMap(BillingIdentity::name));
        Optional<String> newAddress = address.applyTo(current.flatMap(BillingIdentity::address));
        Optional<String> newTaxId = taxId.applyTo(current.flatMap(BillingIdentity::taxId));
        if (newName.isEmpty() && newAddress.isEmpty()) {
            throw new ValidationException(BillingIdentity.FIELD,
                    "needs a name or an address; set it to null to remove it");
        }
        return Optional.of(new BillingIdentity(newName, newAddress, newTaxId));
    }

    /**
     * Reads one member's new text as a patch gives it: null or blank clears it, a bad value is
     * recorded in {@code errors} (the change is then never used).
     */
    static FieldChange<String> member(List<FieldError> errors, String member, String value) {
        Optional<String> parsed = switch (member) {
            case "name" -> BillingIdentity.name(errors, value);
            case "address" -> BillingIdentity.address(errors, value);
            case "taxId" -> BillingIdentity.taxId(errors, value);
            default -> throw new IllegalArgumentException("not a billing identity member: " + member);
        };
        return parsed.<FieldChange<String>>map(FieldChange::replacedBy).orElse(FieldChange.cleared());
    }
}
