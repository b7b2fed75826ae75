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
        String range = Durations.rangeProblem(d);
        if (range != null) {
            throw new TypeConversionException("duration '" + value + "' " + range);
        }
        return d;
    }

    /** An action input read as a duration; its problem names the input. */
    static Duration input(String name, String value) {
        try {
            return new DurationConverter().convert(value);
        } catch (TypeConversionException e) {
            throw new dev.driftless.DriftlessException("input " + name + ": " + e.getMessage(),
                    "write it like 90s, 30m, 1h30m or PT30M, at most 120h");
        }
    }
}
