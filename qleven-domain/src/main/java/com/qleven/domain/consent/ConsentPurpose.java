package com.qleven.domain.consent;

import com.qleven.domain.shared.ValidationException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a consent is for, as a lowercase snake_case code of up to 40 characters: {@link #WHATSAPP}
 * (appointment messages) and {@link #MARKETING} (campaigns) are every center's; a center's own
 * codes fit the same shape, so the ledger can hold them without a change of schema.
 */
public record ConsentPurpose(String code) {
    public static final int MAX_LENGTH = 40;
    private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9]*(_[a-z0-9]+)*$");

    public static final ConsentPurpose WHATSAPP = new ConsentPurpose("whatsapp");
    public static final ConsentPurpose MARKETING = new ConsentPurpose("marketing");
    /** The purposes every center has, in the order the current state lists them. */
    public static final List<ConsentPurpose> BUILT_IN = List.of(WHATSAPP, MARKETING);

    public ConsentPurpose {
        Objects.requireNonNull(code, "code");
        if (code.length() > MAX_LENGTH || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a purpose is a lowercase snake_case code of up to " + MAX_LENGTH
                    + " characters");
        }
    }

    /** Reads a wire value, naming {@code field} when it is missing or not a purpose code. */
    public static ConsentPurpose parse(String field, String wire) {
        if (wire == null || wire.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        if (wire.length() > MAX_LENGTH || !CODE.matcher(wire).matches()) {
            throw new ValidationException(field, "must be a lowercase snake_case purpose code such as whatsapp");
        }
        return new ConsentPurpose(wire);
    }

    /** Marketing is the purpose a client under 16 may never be granted (policy P18). */
    public boolean isMarketing() {
        return equals(MARKETING);
    }

    @Override
    public String toString() {
        return code;
    }
}
