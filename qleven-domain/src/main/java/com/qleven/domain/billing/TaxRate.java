package com.qleven.domain.billing;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One of a center's tax rates, referred to by its {@code code} (services and invoice lines keep the
 * code, so a rate's name can change without rewriting them). {@code rate} is a percentage kept as
 * the exact decimal the administrator typed ({@code "21"}, {@code "5.5"}), never a double. An exempt
 * rate is 0% and must carry the legal mention invoices print for it. Validated as the body of
 * {@code POST /v1/tax-rates} is, naming each bad field.
 */
public record TaxRate(String code, String name, BigDecimal rate, boolean exempt, String legalMention) {
    public static final String EXEMPT_CODE = "exempt";
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");
    private static final Pattern RATE = Pattern.compile("\\d{1,2}(\\.\\d{1,2})?");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public TaxRate {
        List<FieldError> errors = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "must be 1 to 32 lowercase letters, digits, '.', '_' or '-', such as 21 or exempt"));
        }
        name = text(errors, "name", name, 100, true);
        legalMention = text(errors, "legalMention", legalMention, 500, exempt);
        if (rate == null) {
            errors.add(new FieldError("rate", "is required"));
        } else if (rate.signum() < 0 || rate.compareTo(HUNDRED) >= 0 || rate.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("rate", "must be a percentage from 0 to below 100 with at most two decimals"));
        } else {
            rate = normalise(rate);
            if (exempt && rate.signum() != 0) {
                errors.add(new FieldError("rate", "an exempt rate is 0"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * The wire form: {@code rate} as a decimal string of percent ({@code "21"}, {@code "5.5"}). Signs,
     * exponents and commas are refused, since the text is shown on invoices as typed.
     */
    public static TaxRate parse(String code, String name, String rate, boolean exempt, String legalMention) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal value = null;
        if (rate == null) {
            errors.add(new FieldError("rate", "is required"));
        } else if (!RATE.matcher(rate).matches()) {
            errors.add(new FieldError("rate", "must be a decimal string of percent such as \"21\" or \"5.5\""));
        } else {
            value = new BigDecimal(rate);
        }
        try {
            TaxRate parsed = new TaxRate(code, name, value == null ? BigDecimal.ZERO : value, exempt, legalMention);
            if (errors.isEmpty()) {
                return parsed;
            }
        } catch (ValidationException e) {
            boolean rateParsed = value != null;
            e.errors().stream().filter(x -> rateParsed || !x.field().equals("rate")).forEach(errors::add);
        }
        throw new ValidationException(errors);
    }

    /** The rate as the wire carries it: {@code "21"}, {@code "5.5"}, {@code "0"}. */
    public String rateText() {
        return rate.toPlainString();
    }

    private static BigDecimal normalise(BigDecimal rate) {
        BigDecimal stripped = rate.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String text(List<FieldError> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        } else if (trimmed.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
        return trimmed;
    }
}
