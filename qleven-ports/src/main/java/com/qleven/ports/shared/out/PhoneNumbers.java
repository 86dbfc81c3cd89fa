package com.qleven.ports.shared.out;

import com.qleven.domain.shared.PhoneNumber;

/** Reads phone numbers as people type them, local or international, into E.164. */
public interface PhoneNumbers {

    /**
     * The number in E.164 form. A number without a country code is read as a number of
     * {@code defaultRegion} (an ISO 3166-1 alpha-2 code such as {@code ES}).
     *
     * @param field the member the number came from, named by the error
     * @throws com.qleven.domain.shared.ValidationException on {@code field} when the text is not a
     *         valid phone number, e.g. {@code phone: not a valid number for ES}
     */
    PhoneNumber parse(String field, String raw, String defaultRegion);
}
