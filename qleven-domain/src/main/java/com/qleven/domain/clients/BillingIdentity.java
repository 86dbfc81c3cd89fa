package com.qleven.domain.clients;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whom a client's invoices are made out to, when that is not simply the client's full name: a
 * billing name (up to 200 characters), a postal address (up to 500, line breaks allowed) and a tax
 * id (up to 32 letters, digits, spaces, {@code -}, {@code .} and {@code /}, kept as typed: no
 * country's checksum is applied). Each is optional, but an identity has at least a name or an
 * address. Values are stripped, and a blank one is an absent one. An invoice issued to the client
 * copies the identity; errors name {@code billingIdentity.name}, {@code billingIdentity.address},
 * {@code billingIdentity.taxId}, or {@code billingIdentity} itself when it has neither name nor address.
 */
public record BillingIdentity(Optional<String> name, Optional<String> address, Optional<String> taxId) {
    public static final String FIELD = "billingIdentity";
    public static final int MAX_NAME = 200;
    public static final int MAX_ADDRESS = 500;
    public static final int MAX_TAX_ID = 32;
    private static final Pattern TAX_ID = Pattern.compile("^[\\p{L}\\p{Nd}][\\p{L}\\p{Nd} ./-]*$");

    public BillingIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(taxId, "taxId");
        List<FieldError> errors = new ArrayList<>();
        name = name.flatMap(n -> name(errors, n));
        address = address.flatMap(a -> address(errors, a));
        taxId = taxId.flatMap(t -> taxId(errors, t));
        if (errors.isEmpty() && name.isEmpty() && address.isEmpty()) {
            errors.add(new FieldError(FIELD, "needs a name or an address"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * Parses wire values (null for an absent member), naming every bad member at once.
     *
     * @throws ValidationException naming the members, or {@code billingIdentity} when neither a
     *                             name nor an address is left
     */
    public static BillingIdentity parse(String name, String address, String taxId) {
        return new BillingIdentity(Optional.ofNullable(name), Optional.ofNullable(address), Optional.ofNullable(taxId));
    }

    /**
     * As {@link #parse}, recording the errors rather than throwing: for a client's details, whose
     * every bad member is named in one answer. Empty when a member is bad.
     */
    static Optional<BillingIdentity> parse(List<FieldError> errors, String name, String address, String taxId) {
        try {
            return Optional.of(parse(name, address, taxId));
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return Optional.empty();
        }
    }

    /**
     * The stripped billing name, empty when blank or (with the error recorded) when bad. Package
     * checks share it with a patch, which reads a member at a time.
     */
    static Optional<String> name(List<FieldError> errors, String value) {
        return text(errors, "name", value, MAX_NAME, false);
    }

    static Optional<String> address(List<FieldError> errors, String value) {
        return text(errors, "address", value, MAX_ADDRESS, true);
    }

    static Optional<String> taxId(List<FieldError> errors, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_TAX_ID) {
            errors.add(new FieldError(FIELD + ".taxId", "must be at most " + MAX_TAX_ID + " characters"));
            return Optional.empty();
        }
        if (!TAX_ID.matcher(stripped).matches()) {
            errors.add(new FieldError(FIELD + ".taxId",
                    "must hold only letters, digits, spaces, '-', '.' and '/', starting with a letter or digit"));
            return Optional.empty();
        }
        return Optional.of(stripped);
    }

    private static Optional<String> text(List<FieldError> errors, String member, String value, int max,
                                         boolean lineBreaks) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String stripped = value.strip();
        String field = FIELD + "." + member;
        if (stripped.codePointCount(0, stripped.length()) > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return Optional.empty();
        }
        // An address is printed on several lines; nothing else may carry a control character, which
        // also keeps the separator of the sealed form (a NUL) out of every member.
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && !(lineBreaks && (c == '\n' || c == '\r')))) {
            errors.add(new FieldError(field, lineBreaks
                    ? "must not contain control characters other than line breaks"
                    : "must not contain control characters"));
            return Optional.empty();
        }
        return Optional.of(stripped);
    }

    @Override
    public String toString() {
        return "BillingIdentity[redacted]";
    }
}
