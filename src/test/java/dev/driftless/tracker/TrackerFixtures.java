package dev.driftless.tracker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Runs and files shared by the tracker tests. */
final class TrackerFixtures {
    // a runner clock has sub-second digits; the tracker shows seconds
    static final Instant AT = Instant.parse("2026-11-25T16:04:11.734218512Z");

    private TrackerFixtures() {
    }

    static String resource(String name) {
        try (InputStream in = TrackerFixtures.class.getResourceAsStream("/tracker/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /tracker/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares with src/test/resources/tracker/golden/NAME; -Dgolden.update=true rewrites it. */
    static String golden(String name, String actual) {
        Path file = Path.of("src/test/resources/tracker/golden", name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("golden file " + file + " unreadable (run with -Dgolden.update=true to create it)", e);
        }
    }

    static RunOutcome.Deployed deployed() {
        return new RunOutcome.Deployed(AT, "durable-code", "dev", "abc1234def5678", true,
                List.of(
                        new RunOutcome.ServiceResult("backend",
                                "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-backend:7",
                                "123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-backend@sha256:1111111111111111111111111111111111111111111111111111111111111111",
                                true, Duration.ofSeconds(252)),
                        new RunOutcome.ServiceResult("frontend",
                                "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-frontend:4",
                                "123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-frontend@sha256:2222222222222222222222222222222222222222222222222222222222222222",
                                true, Duration.ofSeconds(198))),
                2, 2, Duration.ofSeconds(263));
    }

    static RunOutcome.RolledBack rolledBack() {
        return new RunOutcome.RolledBack(AT.plusSeconds(3600), "durable-code", "dev", "abc1234def5678", "revision:6",
                List.of(new RunOutcome.ServiceResult("backend",
                        "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-backend:6",
                        "123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-backend@sha256:0000000000000000000000000000000000000000000000000000000000000000",
                        true, Duration.ofSeconds(131))),
                Duration.ofSeconds(131));
    }

    static RunOutcome.Scaled stopped() {
        return new RunOutcome.Scaled(Instant.parse("2026-11-26T04:00:00Z"), "durable-code", "dev",
                RunOutcome.Scaled.Action.STOPPED, List.of("backend", "frontend"), 2);
    }

    static RunOutcome.Scaled started() {
        return new RunOutcome.Scaled(Instant.parse("2026-11-26T16:00:00Z"), "durable-code", "dev",
                RunOutcome.Scaled.Action.STARTED, List.of("backend", "frontend"), 2);
    }

    static RunOutcome.CostReported costReported() {
        return new RunOutcome.CostReported(AT, "durable-code", 53.87, 22.41, 14.12, 21.95);
    }
}
