package dev.driftless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftless.actions.ActionsRuntime;
import dev.driftless.aws.MotoClients;
import dev.driftless.aws.RenderedServices;
import dev.driftless.plan.DesiredRenderer;
import dev.driftless.plan.ImageRef;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.SpecLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code driftless plan} in-process and keeps what it printed; shared by the plan command tests. */
final class PlanRun {
    static final Path SAMPLE = Path.of("deploy-specs/durable-code.yaml");

    final int code;
    final String out;
    final String err;

    private PlanRun(int code, String out, String err) {
        this.code = code;
        this.out = out;
        this.err = err;
    }

    static PlanRun run(Map<String, String> env, String... args) {
        return run(Clock.systemUTC(), env, args);
    }

    /** With the run's clock fixed (what the comment footer says) and a sleeper that never sleeps. */
    static PlanRun run(Clock clock, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("plan"));
        all.addAll(List.of(args));
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Map<String, String> copy = new HashMap<>(env);
        int code = Main.run(all.toArray(String[]::new),
                new CommandContext(copy, o, e, clock, d -> { }, new ActionsRuntime(copy, o, e)));
        return new PlanRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    JsonNode json() {
        try {
            return new ObjectMapper().readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + out + "\nstderr: " + err, e);
        }
    }

    /** "GROUP:field" of every change of one service in the JSON output. */
    List<String> changes(String service) {
        List<String> found = new ArrayList<>();
        for (JsonNode s : json().path("services")) {
            if (s.path("service").asText().equals(service)) {
                s.path("changes").forEach(c -> found.add(c.path("group").asText() + ":" + c.path("field").asText()
                        + (c.path("drift").asBoolean() ? ":drift" : "")));
            }
        }
        return found;
    }

    static DeploySpec load(Path file) {
        try {
            var result = SpecLoader.loadAll(SpecFiles.read(file)).get(0);
            if (!result.valid()) {
                throw new IllegalStateException("invalid test spec: " + result.errors());
            }
            return result.spec();
        } catch (RuntimeException e) {
            throw e;
        }
    }

    /** Puts every service of one environment into moto exactly as rendered for {@code tag}. */
    static void deploy(MotoClients aws, DeploySpec spec, String environment, String tag) {
        DesiredRenderer r = new DesiredRenderer(spec);
        spec.servicesIn(environment).values()
                .forEach(v -> new RenderedServices(aws).put(r.render(v, r.imageUri(v, new ImageRef.Tag(tag)))));
    }

    /** The sample spec with one text replacement, written to {@code dir}. */
    static Path sampleWith(Path dir, String from, String to) {
        try {
            String text = Files.readString(SAMPLE);
            if (!text.contains(from)) {
                throw new IllegalArgumentException("the sample spec has no '" + from + "'");
            }
            Path file = dir.resolve("durable-code.yaml");
            Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
