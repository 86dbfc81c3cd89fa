package com.qleven.host.http.billing;

import com.qleven.domain.billing.Fee;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.Quantity;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import com.qleven.host.http.billing.InvoiceBodies.FeeBody;
import com.qleven.host.http.billing.InvoiceBodies.LineBody;
import com.qleven.host.http.billing.InvoiceBodies.MoneyBody;
import com.qleven.ports.billing.in.InvoiceLineCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads billing bodies field by field, collecting every error with its field's name so one answer
 * lists them all; absent required values are left for the use case to name.
 */
final class BillingParse {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private final List<FieldError> errors = new ArrayList<>();

    <T> Optional<T> id(String field, String text, Function<UUID, T> make) {
        if (text == null) {
            return Optional.empty();
        }
        if (!UUID_TEXT.matcher(text).matches()) {
            errors.add(new FieldError(field, "must be a uuid"));
            return Optional.empty();
        }
        return Optional.of(make.apply(UUID.fromString(text)));
    }

    Optional<Money> money(String field, MoneyBody body) {
        return body == null ? Optional.empty()
                : collect(() -> Money.parse(body.amountMinor(), body.currency(), field));
    }

    Quantity quantity(String field, String text) {
        if (text == null) {
            return null;
        }
        return collect(() -> Quantity.parse(text, field)).orElse(null);
    }

    List<InvoiceLineCommand> lines(List<LineBody> bodies) {
        if (bodies == null) {
            return List.of();
        }
        List<InvoiceLineCommand> lines = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            LineBody b = bodies.get(i);
            String at = "lines[" + i + "]";
            if (b == null) {
                errors.add(new FieldError(at, "must be an object"));
                lines.add(null);
                continue;
            }
            Optional<Money> discount = money(at + ".discount", b.discount());
            lines.add(new InvoiceLineCommand(b.description(), quantity(at + ".quantity", b.quantity()),
                    money(at + ".unitPrice", b.unitPrice()).orElse(null), b.taxRate(), discount));
        }
        return lines;
    }

    /**
     * A fee of the policy: {@code {"amount": money}} or {@code {"percent": "50"}}, exactly one;
     * absent (null) is no fee.
     */
    Optional<Fee> fee(String field, FeeBody body) {
        if (body == null) {
            return Optional.empty();
        }
        if ((body.amount() == null) == (body.percent() == null)) {
            errors.add(new FieldError(field, "give either \"amount\" (money) or \"percent\" (a decimal string)"));
            return Optional.empty();
        }
        if (body.amount() != null) {
            return money(field + ".amount", body.amount()).map(Fee.Fixed::new);
        }
        return collect(() -> Fee.Percent.parse(body.percent(), field + ".percent"));
    }

    void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Throws every error collected, if any. */
    void check() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private <T> Optional<T> collect(Supplier<T> parse) {
        try {
            return Optional.of(parse.get());
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return Optional.empty();
        }
    }
}
