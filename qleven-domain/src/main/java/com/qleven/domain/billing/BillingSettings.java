package com.qleven.domain.billing;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A center's billing settings: whether its prices include tax, the legal name its invoices carry
 * (its trading name when none), and the identifiers a tax office requires beside its tax id: in
 * Morocco the ICE (15 digits) and the IF (identifiant fiscal); and its fee policy: what a no-show
 * and a cancellation inside the center's cancellation window cost the client (a fixed amount or a
 * percentage of the service's price; none when absent). Validated as the body is, naming each bad
 * field ({@code ice}, {@code noShowFee.percent}, {@code lateCancellationFee.amount.amountMinor}).
 */
public record BillingSettings(PriceBasis priceBasis, Optional<String> legalName, Optional<String> ice,
                              Optional<String> ifNumber, Optional<Fee> noShowFee, Optional<Fee> lateCancellationFee) {
    private static final Pattern ICE = Pattern.compile("\\d{15}");
    private static final Pattern IF_NUMBER = Pattern.compile("\\d{1,15}");
    private static final int MAX_LEGAL_NAME = 200;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public BillingSettings {
        Objects.requireNonNull(priceBasis, "priceBasis");
        legalName = legalName.map(String::strip).filter(s -> !s.isEmpty());
        ice = ice.map(String::strip).filter(s -> !s.isEmpty());
        ifNumber = ifNumber.map(String::strip).filter(s -> !s.isEmpty());
        List<FieldError> errors = new ArrayList<>();
        if (legalName.isPresent() && legalName.get().length() > MAX_LEGAL_NAME) {
            errors.add(new FieldError("legalName", "must be at most " + MAX_LEGAL_NAME + " characters"));
        }
        if (ice.isPresent() && !ICE.matcher(ice.get()).matches()) {
            errors.add(new FieldError("ice", "must be the 15 digits of the Identifiant Commun de l'Entreprise"));
        }
        if (ifNumber.isPresent() && !IF_NUMBER.matcher(ifNumber.get()).matches()) {
            errors.add(new FieldError("ifNumber", "must be the digits of the identifiant fiscal"));
        }
        Objects.requireNonNull(noShowFee, "noShowFee");
        Objects.requireNonNull(lateCancellationFee, "lateCancellationFee");
        noShowFee.ifPresent(f -> checkFee(errors, "noShowFee", f));
        lateCancellationFee.ifPresent(f -> checkFee(errors, "lateCancellationFee", f));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Settings without a fee policy: no-shows and late cancellations cost nothing. */
    public BillingSettings(PriceBasis priceBasis, Optional<String> legalName, Optional<String> ice,
                           Optional<String> ifNumber) {
        this(priceBasis, legalName, ice, ifNumber, Optional.empty(), Optional.empty());
    }

    private static void checkFee(List<FieldError> errors, String field, Fee fee) {
        if (fee instanceof Fee.Fixed fixed && fixed.amount().amountMinor() <= 0) {
            errors.add(new FieldError(field + ".amount.amountMinor", "must be more than 0"));
        } else if (fee instanceof Fee.Percent percent) {
            BigDecimal p = percent.percent();
            if (p.signum() <= 0 || p.compareTo(HUNDRED) > 0 || p.scale() > 2) {
                errors.add(new FieldError(field + ".percent",
                        "must be more than 0 and at most 100, with at most two decimals"));
            }
        }
    }

    /**
     * What a no-show of a service of {@code price} costs under the policy; empty when the policy
     * charges none.
     */
    public Optional<Money> noShowFeeFor(Money price) {
        return noShowFee.map(f -> f.of(price));
    }

    /**
     * What a cancellation inside the window of a service of {@code price} costs under the policy;
     * empty when the policy charges none.
     */
    public Optional<Money> lateCancellationFeeFor(Money price) {
        return lateCancellationFee.map(f -> f.of(price));
    }

    /** A new center's: prices include tax (what clients of a beauty center read), no extra identifier. */
    public static BillingSettings defaults() {
        return new BillingSettings(PriceBasis.TAX_INCLUDED, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The seller as the invoice prints it: the legal name (else {@code tradingName}), the address and
     * the identifiers in print order: the tax id under its country's label, then ICE and IF.
     */
    public InvoiceParty seller(String tradingName, String address, String taxId, String country) {
        List<InvoiceParty.Identifier> ids = new ArrayList<>();
        if (taxId != null && !taxId.isBlank()) {
            ids.add(new InvoiceParty.Identifier(taxIdLabel(country), taxId));
        }
        ice.ifPresent(v -> ids.add(new InvoiceParty.Identifier("ICE", v)));
        ifNumber.ifPresent(v -> ids.add(new InvoiceParty.Identifier("IF", v)));
        return new InvoiceParty(legalName.orElse(tradingName), address, ids);
    }

    /** What a country calls a business's tax id on an invoice. */
    public static String taxIdLabel(String country) {
        return switch (country) {
            case "ES" -> "NIF";
            case "FR", "BE", "LU" -> "TVA";
            case "PT" -> "NIF";
            case "IT" -> "P.IVA";
            case "DE", "AT" -> "USt-IdNr.";
            case "GB" -> "VAT";
            case "MA" -> "RC";
            default -> "Tax ID";
        };
    }

    /** What issuing needs that is missing: in Morocco an invoice carries the ICE. */
    public Optional<FieldError> missingForIssue(String country) {
        if ("MA".equals(country) && ice.isEmpty()) {
            return Optional.of(new FieldError("ice", "a Moroccan invoice carries the center's ICE: set it in "
                    + "the billing settings first"));
        }
        return Optional.empty();
    }
}
