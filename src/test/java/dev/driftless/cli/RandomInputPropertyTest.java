package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.driftless.spec.SpecLoader;
import dev.driftless.spec.SpecResult;
import dev.driftless.spec.SpecSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever duration, instant or number lands in a spec or a flag, driftless answers with exit 0,
 * 1 or 2 and a message that points at the value (file:line for a spec, the flag's name for a flag), never
 * "unexpected …: this is a bug". Seeded, so a failure reproduces; a few hundred cases in a few seconds.
 */
class RandomInputPropertyTest {
    private static final long SEED = 20_2026L;
    private static HttpServer aws;

    @TempDir
    Path dir;

    /** Every AWS call is refused at once, so a value that passes its checks ends quickly with a clear error. */
    @BeforeAll
    static void refusingAws() throws IOException {
        aws = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        aws.createContext("/", exchange -> {
            boolean query = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/x-www-form");
            byte[] body = (query
                    ? "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>denied</Message></Error></ErrorResponse>"
                    : "{\"__type\":\"AccessDeniedException\",\"message\":\"denied\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", query ? "text/xml" : "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        aws.start();
    }

    @AfterAll
    static void stop() {
        aws.stop(0);
    }

    @Test
    void specDurationsAndNumbersAreErrorsAtTheirLineOrAccepted() throws IOException {
        Random random = new Random(SEED);
        String sample = Files.readString(Path.of("deploy-specs/durable-code.yaml"));
        Path file = dir.resolve("app.yaml");
        record Field(String from, String to, int line) {
        }
        int cases = 0;
        for (int i = 0; i < 240; i++) {
            boolean duration = i % 2 == 0;
            String value = duration ? duration(random) : number(random);
            List<Field> fields = duration
                    ? List.of(new Field("  timeout: 30m", "  timeout: " + yaml(value), 31),
                            new Field("    timeout: 15m", "    timeout: " + yaml(value), 47),
                            new Field("  timeout: 20m", "  timeout: " + yaml(value), 117))
                    : List.of(new Field("  retain: 10", "  retain: " + yaml(value), 32),
                            new Field("    desiredCount: 1", "    desiredCount: " + yaml(value), 80),
                            new Field("    port: 8000", "    port: " + yaml(value), 69),
                            new Field("        cpu: 512", "        cpu: " + yaml(value), 89));
            Field picked = fields.get(random.nextInt(fields.size()));
            assertThat(sample).contains(picked.from);
            // the expected line is where the value stands in the sample now (the sample grows)
            Field f = new Field(picked.from, picked.to, sample.substring(0, sample.indexOf(picked.from)).split("\n", -1).length);
            Files.writeString(file, sample.replaceFirst(java.util.regex.Pattern.quote(f.from),
                    java.util.regex.Matcher.quoteReplacement(f.to)));

            String about = "seed " + SEED + " case " + i + ": " + f.to.strip();
            if (i % 10 == 0) {
                // the whole command now and then; the loader (what validate runs) for the rest, to stay fast
                Run run = run("validate", "--specs", file.toString());
                about += "\n" + run.err;
                assertThat(run.err).as(about).doesNotContain("unexpected").doesNotContain("Exception");
                assertThat(run.code).as(about).isIn(0, 1);
                if (run.code == 1) {
                    assertThat(run.err).as(about).contains(file + ":" + f.line + ":");
                }
            } else {
                SpecResult result = SpecLoader.load(new SpecSource(file.toString(), Files.readString(file)));
                assertThat(result.errors()).as(about).allSatisfy(p -> assertThat(p.format())
                        .startsWith(file + ":").doesNotContain("Exception"));
                if (!result.errors().isEmpty()) {
                    assertThat(result.errors()).as(about).anySatisfy(p -> assertThat(p.line()).isEqualTo(f.line));
                }
            }
            cases++;
        }
        assertThat(cases).isEqualTo(240);
    }

    @Test
    void flagDurationsInstantsAndRevisionsAreNamedOrAccepted() {
        Random random = new Random(SEED + 1);
        String spec = "deploy-specs/durable-code.yaml";
        for (int i = 0; i < 40; i++) {
            String flag;
            List<String> args;
            switch (i % 4) {
                case 0 -> {
                    flag = "--timeout";
                    args = List.of("deploy", "--specs", spec, "--env", "dev", "--image-tag", "v1", "--timeout", duration(random));
                }
                case 1 -> {
                    flag = "--at";
                    args = List.of("schedule", "--specs", spec, "--env", "dev", "--dry-run", "--at", instant(random));
                }
                case 2 -> {
                    flag = "--to";
                    args = List.of("rollback", "--specs", spec, "--env", "dev", "--service", "backend", "--to",
                            "revision:" + number(random).replace("-", ""));
                }
                default -> {
                    flag = "--timeout";
                    args = List.of("rollback", "--specs", spec, "--env", "dev", "--service", "backend", "--to", "previous",
                            "--timeout", duration(random));
                }
            }
            Run run = run(args.toArray(String[]::new));

            String about = "seed " + (SEED + 1) + " case " + i + ": " + String.join(" ", args) + "\n" + run.err;
            assertThat(run.err).as(about).doesNotContain("unexpected").doesNotContain("Exception");
            assertThat(run.code).as(about).isIn(1, 2);
            if (run.code == 2) {
                assertThat(run.err).as(about).contains(flag);
            } else {
                assertThat(run.err).as(about + "\n(a value that passed its checks ends at the refusing AWS endpoint)")
                        .containsAnyOf("denied", flag);
            }
        }
    }

    private static String duration(Random r) {
        String digits = digits(r);
        return switch (r.nextInt(6)) {
            case 0 -> digits + "h";
            case 1 -> digits + "m" + digits(r) + "s";
            case 2 -> "PT" + (r.nextBoolean() ? "-" : "") + digits + "S";
            case 3 -> "P" + digits + "D";
            case 4 -> digits + "h" + digits(r) + "m";
            default -> digits;
        };
    }

    private static String instant(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> "+" + (1 + r.nextInt(999_999_999)) + "-12-31T23:59:59Z";
            case 1 -> (1000 + r.nextInt(9000)) + "-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10) + "T0" + r.nextInt(10) + ":00:00Z";
            case 2 -> "-" + r.nextInt(999_999_999) + "-01-01T00:00:00Z";
            default -> "2026-11-25T16:00:00" + (r.nextBoolean() ? "+18:00" : "-0" + r.nextInt(10) + ":00");
        };
    }

    private static String number(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> digits(r);
            case 1 -> "-" + digits(r);
            case 2 -> String.valueOf(r.nextInt());
            case 3 -> r.nextInt(100) + "." + r.nextInt(10);
            case 4 -> "1e" + r.nextInt(40);
            case 5 -> "0";
            default -> String.valueOf(Integer.MAX_VALUE + (long) r.nextInt(3));
        };
    }

    /** 1 to 25 digits: most overflow an int, some a long. */
    private static String digits(Random r) {
        StringBuilder b = new StringBuilder().append(1 + r.nextInt(9));
        int n = r.nextInt(25);
        for (int i = 0; i < n; i++) {
            b.append(r.nextInt(10));
        }
        return b.toString();
    }

    private static String yaml(String value) {
        return value.startsWith("P") || value.contains("h") || value.contains("m") ? "\"" + value + "\"" : value;
    }

    private Run run(String... args) {
        Map<String, String> env = new HashMap<>(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:" + aws.getAddress().getPort(),
                "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing", "AWS_REGION", "us-west-2",
                "RUNNER_TEMP", dir.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new ArrayList<>(List.of(args)).toArray(String[]::new), env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int code, String out, String err) {
    }
}
