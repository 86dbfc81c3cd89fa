package com.qleven.domain.shared;

import java.util.regex.Pattern;

/** A phone number in E.164 form ({@code +34600111222}); parsing from local forms happens at the edges. */
public record PhoneNumber(String e164) {
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new ValidationException("phone", "is not an E.164 number");
        }
    }

    @Override
    public String toString() {
        return "PhoneNumber[redacted]";
    }
}
