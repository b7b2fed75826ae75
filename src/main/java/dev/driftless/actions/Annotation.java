package dev.driftless.actions;

/** Where an error, warning or notice points in the repository; any part may be absent (null / 0). */
public record Annotation(String file, int line, int column, String title) {
    public static final Annotation NONE = new Annotation(null, 0, 0, null);

    public static Annotation at(String file, int line, int column) {
        return new Annotation(file, line, column, null);
    }
}
