package dev.driftless.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A minimal valid spec that a test changes one path at a time: {@code SpecFixture.minimal().set("services.api.cpu", "300")}.
 * Values are YAML fragments ({@code "[MON, FRI]"}, {@code "{min: 1}"}); {@code remove(path)} deletes a key.
 */
final class SpecFixture {
    static final String MINIMAL = """
            apiVersion: driftless/v1
            kind: Application
            name: app
            account: "123456789012"
            region: us-west-2
            tags: { Project: app }
            environments:
              dev: { cluster: app-dev }
              prod: { cluster: app-prod }
            services:
              api:
                image: { repository: app-api }
                cpu: 256
                memory: 512
            """;

    private final Map<String, Object> root;

    private SpecFixture(Map<String, Object> root) {
        this.root = root;
    }

    static SpecFixture minimal() {
        return new SpecFixture(new Yaml().load(MINIMAL));
    }

    SpecFixture set(String path, String yamlValue) {
        Object value = new Yaml().load(yamlValue);
        edit(path, value, false);
        return this;
    }

    SpecFixture remove(String path) {
        edit(path, null, true);
        return this;
    }

    @SuppressWarnings("unchecked")
    private void edit(String path, Object value, boolean remove) {
        String[] parts = path.split("\\.");
        Map<String, Object> node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = node.get(parts[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                node.put(parts[i], next);
            }
            node = (Map<String, Object>) next;
        }
        if (remove) {
            node.remove(parts[parts.length - 1]);
        } else {
            node.put(parts[parts.length - 1], value);
        }
    }

    String text() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(root);
    }

    SpecResult load() {
        return SpecLoader.load(new SpecSource("test.yaml", text()));
    }

    /** "path: message" of every error, for readable assertion failures. */
    static List<String> errors(SpecResult result) {
        List<String> out = new ArrayList<>();
        result.errors().forEach(p -> out.add(p.path() + ": " + p.message()));
        return out;
    }

    static List<String> warnings(SpecResult result) {
        List<String> out = new ArrayList<>();
        result.warnings().forEach(p -> out.add(p.path() + ": " + p.message()));
        return out;
    }
}
