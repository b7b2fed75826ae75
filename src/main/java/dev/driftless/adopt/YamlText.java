package dev.driftless.adopt;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Scalars written so YAML reads them back as the same strings: plain when unambiguous, else double-quoted. */
final class YamlText {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./@-]*(:[A-Za-z0-9_./@-]+)*");
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n", "~");

    private YamlText() {
    }

    static String scalar(String value) {
        if (value == null) {
            return "null";
        }
        if (PLAIN.matcher(value).matches() && !RESERVED.contains(value.toLowerCase(Locale.ROOT))) {
            return value;
        }
        return quoted(value);
    }

    static String quoted(String value) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A comment line's text: one line, no control characters. */
    static String comment(String text) {
        return text.replaceAll("[\\p{Cntrl}]", " ");
    }
}
