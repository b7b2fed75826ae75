package dev.driftless.tracker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Metrics and KPIs": replaces the value of each measured metric ({@code TBD} at first) and keeps the
 * rest of the line, e.g. {@code - **Deploy Time**: 4m12s (target: < 10 minutes)}. A metric the tracker
 * has no line for is added after the last metric line we know, so it is there next time.
 */
final class MetricsSection {
    private MetricsSection() {
    }

    /** Returns warnings (empty when every value found a line). */
    static List<String> apply(TrackerDocument doc, Map<String, String> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        var section = doc.section(2, "Metrics and KPIs");
        if (section.isEmpty()) {
            return List.of("the tracker has no \"## Metrics and KPIs\" section; measured "
                    + String.join(", ", values.keySet()) + " not recorded");
        }
        var s = section.get();
        Map<String, String> left = new LinkedHashMap<>(values);
        int lastMetric = -1;
        for (int i = s.bodyStart(); i < s.end(); i++) {
            String line = doc.line(i);
            for (var e : values.entrySet()) {
                String prefix = "- **" + e.getKey() + "**:";
                if (line.startsWith(prefix)) {
                    doc.set(i, prefix + " " + e.getValue() + rest(line.substring(prefix.length())));
                    left.remove(e.getKey());
                    lastMetric = i;
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        if (!left.isEmpty()) {
            if (lastMetric < 0) {
                return List.of("the \"Metrics and KPIs\" section has no line for " + String.join(", ", left.keySet()));
            }
            List<String> added = new ArrayList<>();
            left.forEach((k, v) -> added.add("- **" + k + "**: " + v));
            doc.insert(lastMetric + 1, added);
        }
        return warnings;
    }

    /** The part after the value: " (target: …)" or " (baseline: …)", kept as the team wrote it; the values we write never contain " (". */
    private static String rest(String afterColon) {
        int paren = afterColon.indexOf(" (");
        return paren < 0 ? "" : afterColon.substring(paren);
    }
}
