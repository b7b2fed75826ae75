package dev.driftless.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one spec file, placing each at its YAML path's position. */
final class Problems {
    private final String file;
    private final Locations locations;
    private final List<Problem> list = new ArrayList<>();

    Problems(String file, Locations locations) {
        this.file = file;
        this.locations = locations;
    }

    String file() {
        return file;
    }

    Locations locations() {
        return locations;
    }

    void error(String path, String message) {
        add(Problem.Severity.ERROR, path, locations.of(path), message);
    }

    void warning(String path, String message) {
        add(Problem.Severity.WARNING, path, locations.of(path), message);
    }

    void errorAt(Locations.Position at, String path, String message) {
        add(Problem.Severity.ERROR, path, at, message);
    }

    private void add(Problem.Severity severity, String path, Locations.Position at, String message) {
        list.add(new Problem(severity, file, at.line(), at.column(), path, message));
    }

    boolean hasErrors() {
        return list.stream().anyMatch(Problem::isError);
    }

    /** In file order, so the output reads top to bottom. */
    List<Problem> sorted() {
        return list.stream()
                .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
                .toList();
    }
}
