package com.qleven.domain.billing;

import com.qleven.domain.shared.ValidationException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An issued invoice's number: its kind's prefix, the year of its series and its place in it, six
 * digits at least ({@code F2027-000123}). The series is the kind and the year in the center's zone,
 * so an invoice issued at 00:30 on 1 January in Madrid opens the new year's series even though it is
 * still 31 December in UTC. Places start at 1; the store gives them out with no gap and no duplicate.
 */
public record InvoiceNumber(InvoiceKind kind, int year, long sequence) {
    private static final Pattern TEXT = Pattern.compile("([FSR])(\\d{4})-(\\d{6,})");

    public InvoiceNumber {
        Objects.requireNonNull(kind, "kind");
        if (year < 2000 || year > 9999) {
            throw new IllegalArgumentException("a series year has four digits from 2000: " + year);
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("a series starts at 1: " + sequence);
        }
    }

    /** The series an invoice of {@code kind} issued at {@code at} belongs to: its year in {@code zone}. */
    public static Series seriesOf(InvoiceKind kind, Instant at, ZoneId zone) {
        return new Series(kind, at.atZone(zone).getYear());
    }

    /** One series: a kind and a year of the center's. */
    public record Series(InvoiceKind kind, int year) {
        public Series {
            Objects.requireNonNull(kind, "kind");
        }

        /** The number at {@code sequence} in this series. */
        public InvoiceNumber at(long sequence) {
            return new InvoiceNumber(kind, year, sequence);
        }
    }

    public Series series() {
        return new Series(kind, year);
    }

    /** The printed number, {@code F2027-000123}. */
    public String text() {
        return kind.prefix() + year + "-" + String.format("%06d", sequence);
    }

    /** A printed number back, or a 400 naming {@code field}. */
    public static InvoiceNumber parse(String text, String field) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            throw new ValidationException(field, "must be an invoice number such as F2027-000123");
        }
        InvoiceKind kind = switch (m.group(1)) {
            case "F" -> InvoiceKind.FULL;
            case "S" -> InvoiceKind.SIMPLIFIED;
            default -> InvoiceKind.CREDIT_NOTE;
        };
        try {
            return new InvoiceNumber(kind, Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field, "must be an invoice number such as F2027-000123");
        }
    }

    @Override
    public String toString() {
        return text();
    }
}
