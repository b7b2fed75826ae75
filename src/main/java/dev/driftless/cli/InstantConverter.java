package dev.driftless.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Accepts an ISO-8601 instant with a zone or offset ({@code 2026-11-25T16:00:00Z}, {@code ...-08:00}). */
public final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        return parse(value);
    }

    /** Schedules, months and prices are computed from it; outside these years the calendar arithmetic overflows. */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    static Instant parse(String value) {
        Instant at;
        try {
            at = Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                at = OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException | ArithmeticException e2) {
                throw new TypeConversionException("'" + value
                        + "' is not an ISO-8601 instant; write it with a zone, e.g. 2026-11-25T16:00:00Z or 2026-11-25T08:00:00-08:00");
            }
        }
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw new TypeConversionException("instant '" + value + "' is outside the years 1970 to 9999");
        }
        return at;
    }
}
