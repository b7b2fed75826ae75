package dev.driftless.spec;

/** The task execution role (pulls images, reads secrets) and the task role (the app's own AWS access). */
public record Roles(String execution, String task) {
}
