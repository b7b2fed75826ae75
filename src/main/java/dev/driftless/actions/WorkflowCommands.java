package dev.driftless.actions;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Workflow commands (groups, annotations, masks) with the runner's escaping. Outside Actions the same
 * calls print plain text, so a local run reads naturally and nothing is hidden by accident.
 */
public final class WorkflowCommands {
    private final PrintStream out;
    private final PrintStream alsoMaskOn;
    private final boolean actions;

    public WorkflowCommands(PrintStream out, boolean actions) {
        this(out, null, actions);
    }

    /**
     * @param alsoMaskOn a second stream the process prints to (stderr): the runner reads stdout and
     *     stderr on separate threads, so a mask written only to stdout can be registered after a line
     *     on stderr that already carried the secret. Writing it to both closes that race.
     */
    public WorkflowCommands(PrintStream out, PrintStream alsoMaskOn, boolean actions) {
        this.out = out;
        this.alsoMaskOn = alsoMaskOn == out ? null : alsoMaskOn;
        this.actions = actions;
    }

    /** Tells the runner to hide a value in every later log line; must run before the value can print. */
    public void mask(String secret) {
        if (secret == null || secret.isBlank()) {
            return;
        }
        if (actions) {
            // The runner masks each line of a multi-line value separately.
            for (String line : secret.split("\\R")) {
                if (!line.isBlank()) {
                    out.println("::add-mask::" + escapeData(line));
                    if (alsoMaskOn != null) {
                        alsoMaskOn.println("::add-mask::" + escapeData(line));
                    }
                }
            }
            out.flush();
            if (alsoMaskOn != null) {
                alsoMaskOn.flush();
            }
        }
    }

    public void group(String title) {
        out.println(actions ? "::group::" + escapeData(title) : "── " + title);
        out.flush();
    }

    public void endGroup() {
        if (actions) {
            out.println("::endgroup::");
            out.flush();
        }
    }

    public void error(String message, Annotation at) {
        annotate("error", message, at);
    }

    public void warning(String message, Annotation at) {
        annotate("warning", message, at);
    }

    public void notice(String message, Annotation at) {
        annotate("notice", message, at);
    }

    public void debug(String message) {
        if (actions) {
            out.println("::debug::" + escapeData(message));
            out.flush();
        }
    }

    private void annotate(String level, String message, Annotation at) {
        Annotation where = at == null ? Annotation.NONE : at;
        if (actions) {
            out.println("::" + level + properties(where) + "::" + escapeData(message));
        } else {
            String prefix = where.file() == null ? "" : where.file()
                    + (where.line() > 0 ? ":" + where.line() : "")
                    + (where.column() > 0 ? ":" + where.column() : "") + ": ";
            out.println(prefix + level + ": " + message);
        }
        out.flush();
    }

    private static String properties(Annotation at) {
        List<String> props = new ArrayList<>();
        if (at.title() != null) {
            props.add("title=" + escapeProperty(at.title()));
        }
        if (at.file() != null) {
            props.add("file=" + escapeProperty(at.file()));
        }
        if (at.line() > 0) {
            props.add("line=" + at.line());
        }
        if (at.column() > 0) {
            props.add("col=" + at.column());
        }
        return props.isEmpty() ? "" : " " + String.join(",", props);
    }

    /** The runner's escaping for a command's message. */
    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** The runner's escaping for a command's properties, where ':' and ',' are separators. */
    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
