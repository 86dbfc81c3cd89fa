package com.qleven.domain.billing;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rates a new center starts with, from its country (API.md): Spain's IVA 21/10/4, Morocco's TVA
 * 20/14/10/7, each with codes equal to their percentage, plus {@code exempt}; any other country starts
 * with {@code exempt} only and its administrator adds the rest.
 */
public final class TaxRates {
    private TaxRates() {
    }

    /** The seed for an ISO 3166-1 alpha-2 country code. */
    public static List<TaxRate> seedFor(String country) {
        return switch (country == null ? "" : country) {
            case "ES" -> List.of(
                    rate("21", "IVA general"), rate("10", "IVA reducido"), rate("4", "IVA superreducido"),
                    exempt("Exento de IVA", "Operación exenta de IVA (art. 20 Ley 37/1992)"));
            case "MA" -> List.of(
                    rate("20", "TVA taux normal"), rate("14", "TVA 14 %"), rate("10", "TVA 10 %"), rate("7", "TVA 7 %"),
                    exempt("Exonéré de TVA", "Exonéré de la TVA (article 91 du Code général des impôts)"));
            default -> List.of(exempt("Exempt", "Exempt from tax"));
        };
    }

    private static TaxRate rate(String percent, String name) {
        return new TaxRate(percent, name, new BigDecimal(percent), false, null);
    }

    private static TaxRate exempt(String name, String mention) {
        return new TaxRate(TaxRate.EXEMPT_CODE, name, BigDecimal.ZERO, true, mention);
    }
}
