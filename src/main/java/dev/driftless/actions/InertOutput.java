package dev.driftless.actions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The one edge every data line crosses on its way to the runner's log: a stream that keeps text inert.
 *
 * <p>The runner treats a line as a workflow command when, after its leading white space, it starts with
 * {@code ::} (TryParseV2), or when it holds {@code ##[} anywhere (the legacy TryParse, still consulted).
 * Spec values, file names, flag values and AWS messages can hold line breaks, so any line may start with
 * text we did not write. Lines of that shape are rewritten so they read the same to a person but no longer
 * parse: the leading colon becomes {@code %3A}, the bracket after {@code ##} becomes {@code %5B}. The
 * runner compares with .NET's culture-aware {@code StartsWith}/{@code IndexOf}, which skip characters
 * such as U+200B or variation selectors, so the check looks through format, control and combining
 * characters, and a rewritten line drops them.
 *
 * <p>Trusted workflow commands (masks, groups, annotations) are written by {@link WorkflowCommands}
 * straight to the underlying stream, never through this one.
 */
public final class InertOutput extends OutputStream {
    private final OutputStream target;
    /** Bytes of the current line not yet written: held until the line's start is known to be harmless. */
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    /** Whether the line's first visible characters are still unknown (nothing of it written yet). */
    private boolean lineStart = true;
    /** The last visible characters already written on this line, to catch {@code ##[} split by a flush. */
    private String tail = "";

    private InertOutput(OutputStream target) {
        this.target = target;
    }

    /** In Actions, {@code stream} behind an inert edge; elsewhere the stream itself. */
    public static PrintStream wrap(PrintStream stream, boolean actions) {
        if (!actions || stream instanceof Guarded) {
            return stream;
        }
        return new Guarded(new InertOutput(stream));
    }

    /** Writes what is held of an unfinished line (end of a run). */
    public static void finish(PrintStream stream) {
        if (stream instanceof Guarded g) {
            g.finish();
        }
        stream.flush();
    }

    /** The text of one line as it may reach the log, {@code atLineStart} when nothing of it is out yet. */
    static String neutralise(String text, boolean atLineStart, String before) {
        String visible = visible(text);
        boolean command = atLineStart && stripRunnerSpace(visible).startsWith("::");
        boolean legacy = (before + visible).contains("##[");
        if (!command && !legacy) {
            return text;
        }
        String out = visible;
        if (command) {
            int colon = out.indexOf(':');
            out = out.substring(0, colon) + "%3A" + out.substring(colon + 1);
        }
        out = out.replace("##[", "##%5B");
        if (before.endsWith("##") && out.startsWith("[")) {
            out = "%5B" + out.substring(1);
        } else if (before.endsWith("#") && out.startsWith("#[")) {
            out = "#%5B" + out.substring(2);
        }
        return out;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (b == '\n' || b == '\r') {
            emit(true);
            target.write(b);
        } else {
            pending.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    /** Writes the held part of the line if its start is already decided; an undecided start waits. */
    @Override
    public synchronized void flush() throws IOException {
        emit(false);
        target.flush();
    }

    synchronized void finish() throws IOException {
        emit(true);
        target.flush();
    }

    private void emit(boolean endOfLine) throws IOException {
        byte[] bytes = pending.toByteArray();
        int complete = endOfLine ? bytes.length : completeUtf8(bytes);
        String text = new String(bytes, 0, complete, StandardCharsets.UTF_8);
        if (!endOfLine && lineStart && undecided(text)) {
            return;
        }
        String safe = neutralise(text, lineStart, tail);
        target.write(safe.getBytes(StandardCharsets.UTF_8));
        pending.reset();
        pending.write(bytes, complete, bytes.length - complete);
        if (endOfLine) {
            lineStart = true;
            tail = "";
        } else if (!text.isEmpty()) {
            lineStart = false;
            String seen = tail + visible(safe);
            tail = seen.substring(Math.max(0, seen.length() - 2));
        }
    }

    /** A line start that could still become {@code ::} when more text arrives. */
    private static boolean undecided(String text) {
        String start = stripRunnerSpace(visible(text));
        return start.isEmpty() || start.equals(":");
    }

    /** Bytes up to the last complete UTF-8 sequence, so a flush never splits a character. */
    private static int completeUtf8(byte[] bytes) {
        int i = bytes.length - 1;
        int continuation = 0;
        while (i >= 0 && (bytes[i] & 0xC0) == 0x80 && continuation < 3) {
            i--;
            continuation++;
        }
        if (i < 0) {
            return bytes.length;
        }
        int lead = bytes[i] & 0xFF;
        int needed = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
        return needed > continuation ? i : bytes.length;
    }

    /** The text without the characters the runner's culture-aware comparison would skip. */
    private static String visible(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !ignorable(cp)).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static boolean ignorable(int cp) {
        if (cp == '\t') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.CONTROL || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.SURROGATE;
    }

    /** .NET's {@code TrimStart()}: every Unicode white space, including the no-break spaces Java skips. */
    private static String stripRunnerSpace(String s) {
        int i = 0;
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i))
                || s.charAt(i) == '\u0085')) {
            i++;
        }
        return s.substring(i);
    }

    /** The print stream handed to commands; marked so wrapping twice is harmless. */
    private static final class Guarded extends PrintStream {
        private final InertOutput edge;

        Guarded(InertOutput edge) {
            super(edge, true, StandardCharsets.UTF_8);
            this.edge = edge;
        }

        void finish() {
            try {
                edge.finish();
            } catch (IOException e) {
                setError();
            }
        }
    }
}
