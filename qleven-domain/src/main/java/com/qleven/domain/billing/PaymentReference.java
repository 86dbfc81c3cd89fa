package com.qleven.domain.billing;

import com.qleven.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reference the desk copies from the terminal's slip or the bank statement (an authorisation
 * code, a transfer reference). Card data never enters the books (PCI DSS): a reference that reads
 * as a card number (13 to 19 digits, spaces or dashes between them allowed, passing the Luhn check)
 * is refused, as is anything that is not a short line of printable text.
 */
public final class PaymentReference {
    /** The longest reference kept: terminal codes and transfer references are far shorter. */
    public static final int MAX_LENGTH = 64;
    private static final Pattern PRINTABLE = Pattern.compile("^[\\p{L}\\p{N}\\p{P}\\p{S} ]+$");

    private PaymentReference() {
    }

    /**
     * The reference trimmed, empty when absent or blank; a card number or bad text is a
     * {@link ValidationException} naming {@code field}.
     */
    public static Optional<String> check(String reference, String field) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String text = reference.strip();
        if (text.length() > MAX_LENGTH || !PRINTABLE.matcher(text).matches()) {
            throw new ValidationException(field, "must be 1 to " + MAX_LENGTH + " printable characters on one line");
        }
        if (looksLikeCardNumber(text)) {
            throw new ValidationException(field, "looks like a card number: record the terminal's authorisation"
                    + " code, never card data");
        }
        return Optional.of(text);
    }

    /**
     * Whether the text holds a card number: 13 to 19 digits, printed whole or in groups separated by
     * spaces or dashes (as cards and slips print them), that pass the Luhn check, alone or inside a
     * longer text, so a card number cannot be smuggled in behind a word or another number.
     */
    public static boolean looksLikeCardNumber(String text) {
        List<String> groups = new ArrayList<>();
        StringBuilder group = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\0';
            if (isAsciiDigit(c)) {
                group.append(c);
                continue;
            }
            if (group.length() > 0) {
                groups.add(group.toString());
                group.setLength(0);
            }
            if (c != ' ' && c != '-') {
                if (cardIn(groups)) {
                    return true;
                }
                groups.clear();
            }
        }
        return false;
    }

    /** Whether consecutive groups of one run of digits join into 13 to 19 digits passing Luhn. */
    private static boolean cardIn(List<String> groups) {
        for (int from = 0; from < groups.size(); from++) {
            StringBuilder joined = new StringBuilder();
            for (int to = from; to < groups.size() && joined.length() + groups.get(to).length() <= 19; to++) {
                joined.append(groups.get(to));
                if (joined.length() >= 13 && luhn(joined.toString())) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
