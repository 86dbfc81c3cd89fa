package com.qleven.adapters.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.ValidationException;
import com.qleven.ports.shared.out.PhoneNumbers;
import java.util.Locale;

/**
 * Phone numbers read with Google's libphonenumber: local forms ({@code 600 11 12 22},
 * {@code 0612-345678}) in the default region, international ones ({@code +34 600 111 222},
 * {@code 0034 600 111 222} from Spain) anywhere, and only numbers valid for their country (the
 * number's length and range, not merely its digits) come out, in E.164. Thread-safe.
 */
public final class LibphonenumberPhoneNumbers implements PhoneNumbers {
    /** Longer text is no phone number; refused before parsing. */
    static final int MAX_TYPED = 64;
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    @Override
    public PhoneNumber parse(String field, String raw, String defaultRegion) {
        String region = defaultRegion == null ? "ZZ" : defaultRegion.toUpperCase(Locale.ROOT);
        if (raw == null || raw.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        if (raw.length() > MAX_TYPED) {
            throw new ValidationException(field, "must be at most " + MAX_TYPED + " characters");
        }
        Phonenumber.PhoneNumber number;
        try {
            number = util.parse(raw, region);
        } catch (NumberParseException e) {
            throw invalid(field, region, raw);
        }
        if (!util.isValidNumber(number)) {
            throw invalid(field, region, raw);
        }
        return new PhoneNumber(util.format(number, PhoneNumberFormat.E164));
    }

    /** Names the region the number was read for: its own when it was typed with a country code. */
    private ValidationException invalid(String field, String defaultRegion, String raw) {
        String region = defaultRegion;
        if (raw.strip().startsWith("+")) {
            try {
                String own = util.getRegionCodeForCountryCode(util.parse(raw, "ZZ").getCountryCode());
                region = "ZZ".equals(own) ? "its country code" : own;
            } catch (NumberParseException e) {
                region = "any country";
            }
        }
        return new ValidationException(field, "not a valid number for " + region);
    }
}
