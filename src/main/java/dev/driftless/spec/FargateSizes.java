package dev.driftless.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The task sizes Fargate accepts: for each CPU value (units, 1024 = 1 vCPU) the memory range (MiB) and
 * step, as the Amazon ECS developer guide's "Task CPU and memory" table lists them.
 */
public final class FargateSizes {
    private record Range(int min, int max, int step) {
        boolean contains(int memory) {
            return memory >= min && memory <= max && (memory - min) % step == 0;
        }
    }

    private static final Map<Integer, List<Range>> SIZES = new LinkedHashMap<>();

    static {
        SIZES.put(256, List.of(new Range(512, 512, 1), new Range(1024, 2048, 1024)));
        SIZES.put(512, List.of(new Range(1024, 4096, 1024)));
        SIZES.put(1024, List.of(new Range(2048, 8192, 1024)));
        SIZES.put(2048, List.of(new Range(4096, 16384, 1024)));
        SIZES.put(4096, List.of(new Range(8192, 30720, 1024)));
        SIZES.put(8192, List.of(new Range(16384, 61440, 4096)));
        SIZES.put(16384, List.of(new Range(32768, 122880, 8192)));
    }

    private FargateSizes() {
    }

    public static boolean validCpu(int cpu) {
        return SIZES.containsKey(cpu);
    }

    public static boolean valid(int cpu, int memory) {
        List<Range> ranges = SIZES.get(cpu);
        return ranges != null && ranges.stream().anyMatch(r -> r.contains(memory));
    }

    /** "256, 512, 1024, ..." */
    public static String cpuValues() {
        return String.join(", ", SIZES.keySet().stream().map(String::valueOf).toList());
    }

    /** The memory values a CPU value takes, readable: "512, 1024 or 2048" or "2048 to 8192 in steps of 1024". */
    public static String memoryFor(int cpu) {
        List<Range> ranges = SIZES.get(cpu);
        if (ranges == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Range r : ranges) {
            if (r.min() == r.max()) {
                parts.add(String.valueOf(r.min()));
            } else if ((r.max() - r.min()) / r.step() <= 2) {
                for (int m = r.min(); m <= r.max(); m += r.step()) {
                    parts.add(String.valueOf(m));
                }
            } else {
                parts.add(r.min() + " to " + r.max() + " in steps of " + r.step());
            }
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }
}
