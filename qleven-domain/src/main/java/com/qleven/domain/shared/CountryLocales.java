package com.qleven.domain.shared;

import java.util.Locale;
import java.util.Map;

/**
 * The language a center of a country works in until it says otherwise: what its settings start with
 * and what its invoices print in before it has any settings. English where the country is not listed.
 */
public final class CountryLocales {
    private static final Map<String, String> LANGUAGES = Map.ofEntries(Map.entry("ES", "es"), Map.entry("MA", "fr"),
            Map.entry("FR", "fr"), Map.entry("BE", "fr"), Map.entry("PT", "pt"), Map.entry("IT", "it"),
            Map.entry("DE", "de"), Map.entry("AT", "de"), Map.entry("MX", "es"), Map.entry("AR", "es"),
            Map.entry("CO", "es"), Map.entry("CL", "es"), Map.entry("DZ", "fr"), Map.entry("TN", "fr"),
            Map.entry("SN", "fr"), Map.entry("NL", "nl"), Map.entry("BR", "pt"));

    private CountryLocales() {
    }

    /** The country's language and the country: {@code es-ES}, {@code fr-MA}; {@code en-XX} otherwise. */
    public static Locale of(String country) {
        return new Locale(LANGUAGES.getOrDefault(country, "en"), country);
    }
}
