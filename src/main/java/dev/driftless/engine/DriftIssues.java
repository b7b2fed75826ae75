package dev.driftless.engine;

import java.util.List;

/** The repository's issues, as far as drift reporting needs them. Implemented in github/ over the REST API. */
public interface DriftIssues {

    /** Open issues carrying {@code label} whose body contains {@code marker}, oldest first, with their authors. */
    List<Issue> findOpen(String label, String marker);

    Issue create(String title, String body, List<String> labels);

    void edit(int number, String body);

    /** Comments on the issue, then closes it. */
    void close(int number, String comment);

    /** Creates the label unless the repository has it. */
    void ensureLabel(String name, String color, String description);

    /** @param author the login of the issue's writer; null when unknown */
    record Issue(int number, String body, String url, String author) {
    }
}
