package dev.driftless.spec;

/**
 * One thing wrong (or worth a warning) in a spec, located in its file.
 *
 * @param path the YAML path, e.g. {@code services.backend.cpu}
 */
public record Problem(Severity severity, String file, int line, int column, String path, String message) {

    public enum Severity { ERROR, WARNING }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: yaml.path: message}, the form editors and CI logs link. */
    public String format() {
        return file + ":" + line + ":" + column + ": " + (path == null || path.isEmpty() ? "" : path + ": ")
                + (severity == Severity.WARNING ? "warning: " : "") + message;
    }
}
