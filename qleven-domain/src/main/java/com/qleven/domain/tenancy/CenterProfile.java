package com.qleven.domain.tenancy;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a center says about itself at signup. Validated as a whole, naming every bad field. */
public record CenterProfile(String name, String address, String taxId, String country, ZoneId timeZone,
                            Currency currency) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public CenterProfile {
        List<FieldError> errors = new ArrayList<>();
        name = Text.required(errors, "name", name, 200);
        address = Text.required(errors, "address", address, 500);
        taxId = Text.required(errors, "taxId", taxId, 50);
        if (country == null || !COUNTRIES.contains(country)) {
            errors.add(new FieldError("country", "must be an ISO 3166-1 alpha-2 code such as ES or MA"));
        }
        if (timeZone == null) {
            errors.add(new FieldError("timeZone", "is required"));
        }
        if (currency == null) {
            errors.add(new FieldError("currency", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Parses wire values, naming each field that is wrong. */
    public static CenterProfile parse(String name, String address, String taxId, String country, String timeZone,
                                      String currency) {
        List<FieldError> errors = new ArrayList<>();
        ZoneId zone = null;
        if (timeZone == null) {
            errors.add(new FieldError("timeZone", "is required"));
        } else if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
            errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Madrid"));
        } else {
            zone = ZoneId.of(timeZone);
        }
        Currency money = null;
        if (currency == null) {
            errors.add(new FieldError("currency", "is required"));
        } else {
            money = Currency.getAvailableCurrencies().stream()
                    .filter(c -> c.getCurrencyCode().equals(currency)).findFirst().orElse(null);
            if (money == null) {
                errors.add(new FieldError("currency", "must be an ISO 4217 code such as EUR or MAD"));
            }
        }
        try {
            CenterProfile profile = new CenterProfile(name, address, taxId, country,
                    zone == null ? ZoneId.of("UTC") : zone,
                    money == null ? Currency.getInstance("EUR") : money);
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return profile;
        } catch (ValidationException e) {
            List<FieldError> all = new ArrayList<>(e.errors());
            errors.stream().filter(x -> !all.contains(x)).forEach(all::add);
            throw new ValidationException(all);
        }
    }
}
