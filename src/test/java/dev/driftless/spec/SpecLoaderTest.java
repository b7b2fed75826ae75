package dev.driftless.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parsing and binding: syntax errors, types, unknown and duplicate keys, every problem collected with its place. */
class SpecLoaderTest {

    private static SpecResult load(String text) {
        return SpecLoader.load(new SpecSource("s.yaml", text));
    }

    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                Arguments.of("unclosed flow mapping", "a: { b: 1\nc: 2\n", 2, "YAML syntax error: expected ',' or '}'"),
                Arguments.of("bad indentation", "a:\n  b: 1\n c: 2\n", 3, "YAML syntax error:"),
                Arguments.of("tab indentation", "a:\n\tb: 1\n", 2, "indent with spaces"),
                Arguments.of("two documents", "a: 1\n---\nb: 2\n", 2, "put one application in each file"),
                Arguments.of("unclosed quote", "a: \"open\nb: 2\n", 3, "YAML syntax error:"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syntaxErrors")
    void aSyntaxErrorIsOneProblemWithItsLine(String name, String text, int line, String fragment) {
        SpecResult r = load(text);

        assertThat(r.valid()).isFalse();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains(fragment);
            assertThat(p.file()).isEqualTo("s.yaml");
        });
    }

    @Test
    void anEmptyFileSaysWhatASpecStartsWith() {
        assertThat(load("# nothing yet\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("the file is empty").contains("apiVersion: driftless/v1"));
    }

    @Test
    void aDocumentThatIsNotAMappingIsOneProblem() {
        assertThat(load("- a\n- b\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("expected a mapping of fields, got a list"));
    }

    static Stream<Arguments> typeErrors() {
        return Stream.of(
                Arguments.of("services.api.cpu", "two", "expected a whole number, got 'two'"),
                Arguments.of("services.api.cpu", "0.5", "expected a whole number, got '0.5'"),
                Arguments.of("services.api.memory", "[512]", "expected a whole number, got a list"),
                Arguments.of("region", "{name: us-west-2}", "expected text, got a mapping"),
                Arguments.of("environments.dev.network", "{publicIp: sometimes}", "expected true or false, got 'sometimes'"),
                Arguments.of("environments.dev.network", "{subnets: subnet-0a1b}", "expected a list, got 'subnet-0a1b'"),
                Arguments.of("tags", "[Project]", "expected a mapping of tags, got a list"),
                Arguments.of("environments.dev", "cluster-name", "expected a mapping of fields, got 'cluster-name'"),
                Arguments.of("environments.dev.capacity", "spto", "did you mean 'spot'?"),
                Arguments.of("services.api.image", "app-api", "expected a mapping of fields, got 'app-api'"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("typeErrors")
    void aWrongTypeIsReportedAtItsPath(String path, String value, String message) {
        SpecResult r = SpecFixture.minimal().set(path, value).load();

        assertThat(SpecFixture.errors(r)).anySatisfy(e -> assertThat(e).startsWith(path).contains(message));
    }

    @Test
    void unknownFieldsSuggestTheClosestKnownOne() {
        SpecResult r = SpecFixture.minimal().set("services.api.memroy", "512").set("environments.dev.capcity", "spot")
                .set("budgett", "{monthlyUsd: 5}").set("services.api.zzz", "1").load();

        assertThat(SpecFixture.errors(r)).contains(
                "services.api.memroy: unknown field 'memroy'; did you mean 'memory'?",
                "environments.dev.capcity: unknown field 'capcity'; did you mean 'capacity'?",
                "budgett: unknown field 'budgett'; did you mean 'budget'?");
        assertThat(SpecFixture.errors(r)).anySatisfy(e -> assertThat(e)
                .startsWith("services.api.zzz: unknown field 'zzz'; expected one of: image, cpu, memory"));
    }

    @Test
    void duplicateKeysAreReportedWithBothLines() {
        String text = """
                apiVersion: driftless/v1
                kind: Application
                name: app
                account: "123456789012"
                region: us-west-2
                region: us-east-1
                environments:
                  dev: { cluster: a }
                  dev: { cluster: b }
                services:
                  api: { image: { repository: app-api }, cpu: 256, memory: 512, environment: { A: "1", A: "2" } }
                  api: { image: { repository: app-api }, cpu: 256, memory: 512 }
                """;

        SpecResult r = load(text);

        assertThat(r.errors()).extracting(Problem::format).containsExactly(
                "s.yaml:6:1: region: duplicate field 'region' (first defined at line 5)",
                "s.yaml:9:3: environments.dev: duplicate environment 'dev' (first defined at line 8)",
                "s.yaml:11:88: services.api.environment.A: duplicate variable 'A' (first defined at line 11)",
                "s.yaml:12:3: services.api: duplicate service 'api' (first defined at line 11)");
    }

    @Test
    void everyProblemIsCollectedInFileOrder() {
        SpecResult r = SpecFixture.minimal().set("kind", "App").set("account", "'1'")
                .set("services.api.cpu", "3").set("services.api.image.repository", "API").load();

        assertThat(r.errors()).extracting(Problem::path)
                .containsExactly("kind", "account", "services.api.image.repository", "services.api.cpu");
        assertThat(r.errors()).extracting(Problem::line).isSorted();
    }

    @Test
    void aValidSpecIsBoundWithDefaults() {
        SpecResult r = SpecFixture.minimal().load();

        assertThat(r.problems()).isEmpty();
        DeploySpec spec = r.spec();
        assertThat(spec.file()).isEqualTo("test.yaml");
        assertThat(spec.account()).isEqualTo("123456789012");
        assertThat(spec.environments()).containsOnlyKeys("dev", "prod");
        assertThat(spec.environments().get("dev").capacity()).isEqualTo(new Capacity.OnDemand());
        ServiceSpec api = spec.services().get("api");
        assertThat(api.desiredCount()).isEqualTo(1);
        assertThat(api.architecture()).isEqualTo("X86_64");
        assertThat(api.image().immutableTags()).isTrue();
        assertThat(api.image().scan().failOn()).isEqualTo("CRITICAL");
    }

    @Test
    void mixedCapacityBindsItsWeights() {
        SpecResult r = SpecFixture.minimal().set("environments.dev.capacity", "{spot: 3, onDemand: 1, base: 1}").load();

        assertThat(r.spec().environments().get("dev").capacity()).isEqualTo(new Capacity.Mixed(3, 1, 1));
    }

    @Test
    void twoFilesDeclaringOneApplicationAreRefused() {
        String text = SpecFixture.minimal().text();

        List<SpecResult> results = SpecLoader.loadAll(List.of(new SpecSource("a.yaml", text), new SpecSource("b.yaml", text)));

        assertThat(results.get(0).valid()).isTrue();
        assertThat(results.get(1).errors()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("application 'app' is already declared in a.yaml; each application has one spec");
            assertThat(p.line()).isGreaterThan(1);
        });
    }

    @Test
    void theSampleIsValidWithoutWarnings() throws Exception {
        String text = java.nio.file.Files.readString(java.nio.file.Path.of("deploy-specs/durable-code.yaml"));

        SpecResult r = SpecLoader.load(new SpecSource("deploy-specs/durable-code.yaml", text));

        assertThat(r.problems()).isEmpty();
        DeploySpec spec = r.spec();
        assertThat(spec.environments().get("dev").capacity()).isEqualTo(new Capacity.Spot());
        assertThat(spec.environments().get("prod").capacity()).isEqualTo(new Capacity.OnDemand());
        assertThat(spec.environments().get("dev").schedule().timezone().getId()).isEqualTo("America/Los_Angeles");
        assertThat(spec.budget().alerts()).containsExactly(25.0, 40.0, 60.0);
        assertThat(spec.servicesIn("prod").get("backend").cpu()).isEqualTo(512);
    }
}
