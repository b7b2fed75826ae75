package dev.driftless.cli;

import dev.driftless.spec.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Command-line durations: {@code 90s}, {@code 30m}, {@code 1h30m}, or ISO-8601 {@code PT30M}. */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        Duration d = Durations.parse(value);
        if (d == null) {
            throw new TypeConversionException("'" + value + "' is not a duration; write it like 90s, 30m, 1h30m or PT30M");
        }
        return d;
    }
}
