package dev.driftless.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Help sections wrapped at spaces only. picocli's wrapping follows the JDK's line BreakIterator, which
 * also breaks after '-', '/' and ':' — inside {@code 2026-11-25T16:00:00Z}, {@code file:line:col} or
 * {@code role-to-assume} — so text a user copies from help could arrive split. A word longer than the
 * line stays whole.
 */
final class HelpText {
    private static final int MAX_NAME_COLUMN = 30;

    private HelpText() {
    }

    /** {@code text} as lines of at most {@code width} characters (longer words whole), each after {@code indent}. */
    static List<String> wrap(String text, int width, String indent) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    lines.add(indent + line);
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            lines.add(indent + line);
        }
        return lines;
    }

    /** picocli's text is a format string: %n a line break, %% a percent sign. */
    static String plain(String[] text) {
        return String.join(" ", text).replace("%n", "\n").replace("%%", "%");
    }

    static String description(CommandSpec spec) {
        StringBuilder b = new StringBuilder();
        for (String line : wrap(plain(spec.usageMessage().description()), spec.usageMessage().width(), "")) {
            b.append(line).append('\n');
        }
        return b.toString();
    }

    static String options(CommandSpec spec) {
        List<OptionSpec> options = new ArrayList<>(spec.options());
        options.removeIf(OptionSpec::hidden);
        options.sort((a, b) -> strip(a.longestName()).compareToIgnoreCase(strip(b.longestName())));
        List<String[]> rows = new ArrayList<>();
        int column = 0;
        for (OptionSpec o : options) {
            String names = names(o);
            rows.add(new String[] {names, plain(o.description())});
            column = Math.max(column, Math.min(names.length(), MAX_NAME_COLUMN));
        }
        return table(rows, column, spec.usageMessage().width());
    }

    static String commands(CommandSpec spec) {
        List<String[]> rows = new ArrayList<>();
        int column = 0;
        for (var e : spec.subcommands().entrySet()) {
            String name = "  " + e.getKey();
            rows.add(new String[] {name, plain(e.getValue().getCommandSpec().usageMessage().description()).strip().replace('\n', ' ')});
            column = Math.max(column, Math.min(name.length(), MAX_NAME_COLUMN));
        }
        return table(rows, column, spec.usageMessage().width());
    }

    private static String table(List<String[]> rows, int column, int width) {
        StringBuilder b = new StringBuilder();
        String indent = " ".repeat(column + 2);
        for (String[] row : rows) {
            List<String> text = wrap(row[1], Math.max(20, width - indent.length()), indent);
            if (row[0].length() > column) {
                b.append(row[0]).append('\n');
            } else {
                b.append(row[0]).append(" ".repeat(column - row[0].length() + 2));
                text.set(0, text.get(0).substring(indent.length()));
            }
            text.forEach(l -> b.append(l).append('\n'));
        }
        return b.toString();
    }

    private static String names(OptionSpec o) {
        String shortName = null;
        String longName = null;
        for (String n : o.names()) {
            if (n.startsWith("--")) {
                longName = n;
            } else {
                shortName = n;
            }
        }
        String label = o.typeInfo().isBoolean() || o.arity().max() == 0 ? "" : "=" + o.paramLabel();
        String repeat = o.typeInfo().isMultiValue() ? "..." : "";
        return "  " + (shortName == null ? "    " : shortName + (longName == null ? "" : ", "))
                + (longName == null ? "" : longName + label + repeat);
    }

    private static String strip(String name) {
        return name.replaceFirst("^-+", "");
    }

    /** Installs these renderers on one command. */
    static void install(CommandSpec spec) {
        var sections = spec.usageMessage().sectionMap();
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION, help -> description(help.commandSpec()));
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> options(help.commandSpec()));
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> commands(help.commandSpec()));
    }
}
