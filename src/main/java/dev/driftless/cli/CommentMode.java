package dev.driftless.cli;

import java.util.Locale;

/** When {@code plan} writes its pull-request comment section (flag --comment, input comment). */
enum CommentMode {
    /** Every run writes its section. */
    ALWAYS,
    /** A run without changes creates no comment; an existing one is updated to say nothing changes. */
    ON_CHANGE,
    /** No comment; the job summary only. */
    OFF;

    static CommentMode parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "always" -> ALWAYS;
            case "on-change" -> ON_CHANGE;
            case "off" -> OFF;
            default -> throw new IllegalArgumentException("'" + value + "' is not a comment mode; use always, on-change or off");
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
