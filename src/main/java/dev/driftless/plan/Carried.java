package dev.driftless.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a task definition holds that the spec does not model, as RegisterTaskDefinition names it
 * (camelCase keys, JSON-like values already normalised by {@link TaskDefinitionJson}). A deploy registers
 * these again, so a live {@code ephemeralStorage} of 50 GiB or an EFS volume is never dropped because
 * the spec cannot say it.
 *
 * @param task task-level keys (ephemeralStorage, volumes, pidMode, ...)
 * @param container keys of the compared container (mountPoints, ulimits, entryPoint, ...)
 * @param sidecars every other container, whole, sorted by name
 */
public record Carried(SortedMap<String, Object> task, SortedMap<String, Object> container,
                      List<Map<String, Object>> sidecars) {
    public static final Carried NONE = new Carried(null, null, null);

    public Carried {
        task = Collections.unmodifiableSortedMap(task == null ? new TreeMap<>() : new TreeMap<>(task));
        container = Collections.unmodifiableSortedMap(container == null ? new TreeMap<>() : new TreeMap<>(container));
        sidecars = sidecars == null ? List.of() : sidecars.stream()
                .sorted(Comparator.comparing(c -> String.valueOf(c.get("name"))))
                .map(c -> Collections.unmodifiableMap(new LinkedHashMap<>(c)))
                .toList();
    }

    public boolean isEmpty() {
        return task.isEmpty() && container.isEmpty() && sidecars.isEmpty();
    }

    /** These keys, plus those of {@code live} that these lack (sidecars matched by name). */
    public Carried over(Carried live) {
        if (live == null || live.isEmpty()) {
            return this;
        }
        Map<String, Object> t = new TreeMap<>(live.task);
        t.putAll(task);
        Map<String, Object> c = new TreeMap<>(live.container);
        c.putAll(container);
        Map<String, Map<String, Object>> s = new LinkedHashMap<>();
        live.sidecars.forEach(x -> s.put(String.valueOf(x.get("name")), x));
        sidecars.forEach(x -> s.put(String.valueOf(x.get("name")), x));
        return new Carried(new TreeMap<>(t), new TreeMap<>(c), new ArrayList<>(s.values()));
    }

    /** Short names of what is carried, for plan notes and init warnings: "ephemeralStorage", "container mountPoints", "sidecar envoy". */
    public List<String> names() {
        List<String> names = new ArrayList<>(task.keySet());
        container.keySet().forEach(k -> names.add("container " + k));
        // an entry without an image holds only some keys of a sidecar the spec does render: name those keys
        sidecars.forEach(c -> names.add("sidecar " + c.get("name") + (c.containsKey("image") ? ""
                : c.keySet().stream().filter(k -> !k.equals("name")).sorted().map(k -> " " + k).collect(java.util.stream.Collectors.joining()))));
        return List.copyOf(names);
    }

    /** Leaves an empty {@link Carried} out of the canonical JSON, so spec hashes from before it existed stay the same. */
    public static final class NoneFilter {
        @Override
        public boolean equals(Object other) {
            return other == null || other instanceof Carried c && c.isEmpty();
        }

        @Override
        public int hashCode() {
            return Objects.hash(NoneFilter.class);
        }
    }
}
