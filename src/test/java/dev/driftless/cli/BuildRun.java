package dev.driftless.cli;

import dev.driftless.actions.ActionsRuntime;
import dev.driftless.engine.build.SteppingClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One in-process run of the CLI as the Actions runner would start it: GITHUB_* variables, output and
 * summary files, captured streams.
 */
final class BuildRun {
    final Path dir;
    final Map<String, String> env = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-25T10:00:00Z"));
    int exit;

    BuildRun(Path dir, Map<String, String> aws) {
        this.dir = dir;
        env.putAll(aws);
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", dir.resolve("github-output").toString());
        env.put("GITHUB_STEP_SUMMARY", dir.resolve("step-summary.md").toString());
        env.put("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567");
        env.put("GITHUB_REF", "refs/heads/feature/Login_v2");
        env.put("GITHUB_REPOSITORY", "acme/demo");
        env.put("HOME", dir.toString());
    }

    /** Time passes only when the command waits; each wait first runs {@code hook} ("meanwhile, ECR..."). */
    BuildRun run(Runnable hook, String... args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandContext ctx = new CommandContext(env, o, e, clock, d -> {
            hook.run();
            clock.sleeper().sleep(d);
        }, new ActionsRuntime(env, o, e));
        exit = Main.run(args, ctx);
        return this;
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    String outputs() throws IOException {
        Path f = dir.resolve("github-output");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    String summary() throws IOException {
        Path f = dir.resolve("step-summary.md");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    /** The value of one output written in the runner's heredoc form. */
    String output(String name) throws IOException {
        String all = outputs();
        int at = all.indexOf(name + "<<");
        if (at < 0) {
            return null;
        }
        int nl = all.indexOf('\n', at);
        String delimiter = all.substring(at + name.length() + 2, nl);
        int end = all.indexOf("\n" + delimiter, nl);
        return all.substring(nl + 1, end);
    }
}
