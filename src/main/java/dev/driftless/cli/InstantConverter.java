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

    static Instant parse(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e2) {
                throw new TypeConversionException("'" + value
                        + "' is not an ISO-8601 instant; write it with a zone, e.g. 2026-11-25T16:00:00Z or 2026-11-25T08:00:00-08:00");
            }
        }
    }
}
