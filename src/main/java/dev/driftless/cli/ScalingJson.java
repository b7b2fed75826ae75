package dev.driftless.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.driftless.engine.ScalingStep.Bounds;
import dev.driftless.engine.StartWait;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What schedule/stop/start print with {@code --json}: the facts of the job summary, for scripts. A dry
 * run reports what would happen ({@code dryRun: true}); the step output {@code action} says none then.
 * {@code start --wait} adds {@code wait}: whether the services became stable, with the counts last seen.
 */
final class ScalingJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScalingJson() {
    }

    static String render(ScalingRun run) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("command", run.command());
        j.put("application", run.target().spec().name());
        j.put("environment", run.target().env().name());
        j.put("cluster", run.target().env().cluster());
        j.put("dryRun", run.dryRun());
        j.put("action", run.action());
        j.put("headline", run.headline());
        j.put("services", run.report().map(ScalingRow::of).orElse(List.of()).stream().map(ScalingJson::service).toList());
        j.put("nextTransition", run.next().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", t.kind().name().toLowerCase(Locale.ROOT));
            m.put("at", t.at().toString());
            m.put("local", t.local(run.target().zone()).toLocalDateTime().toString());
            m.put("zone", run.target().zone().getId());
            return m;
        }).orElse(null));
        run.waitOutcome().ifPresent(w -> j.put("wait", waited(w)));
        Map<String, Object> month = new LinkedHashMap<>();
        month.put("month", run.savings().month().toString());
        month.put("runningHours", run.savings().runningHours());
        month.put("stoppedHours", run.savings().stoppedHours());
        month.put("savedUsd", Math.round(run.savings().savedUsd() * 100) / 100.0);
        j.put("thisMonth", month);
        try {
            return JSON.writeValueAsString(j);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the scaling report as JSON", e);
        }
    }

    private static Map<String, Object> service(ScalingRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", row.service());
        m.put("result", row.result());
        m.put("desiredCount", row.touched() ? beforeAfter(row.desiredBefore(), row.desiredAfter()) : null);
        m.put("scalableTarget", row.targetBefore().or(row::targetAfter).isPresent()
                ? beforeAfter(row.targetBefore().map(ScalingJson::bounds).orElse(null),
                        row.targetAfter().or(row::targetBefore).map(ScalingJson::bounds).orElse(null))
                : null);
        m.put("reason", row.reason());
        return m;
    }

    private static Map<String, Object> waited(StartWait.Outcome w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stable", w.stable());
        m.put("timeout", w.timeout().toString());
        m.put("verdict", w.verdict());
        m.put("services", w.services().stream().map(c -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("service", c.service());
            s.put("running", c.running());
            s.put("desired", c.desired());
            s.put("deploying", c.deploying());
            return s;
        }).toList());
        return m;
    }

    private static Map<String, Object> beforeAfter(Object before, Object after) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("before", before);
        m.put("after", after);
        return m;
    }

    private static Map<String, Object> bounds(Bounds b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", b.min());
        m.put("max", b.max());
        return m;
    }
}
