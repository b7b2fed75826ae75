package dev.driftless.spec;

/** The CloudWatch log group every container writes to (stream prefix: the service name). */
public record Logs(String group, int retentionDays) {
}
