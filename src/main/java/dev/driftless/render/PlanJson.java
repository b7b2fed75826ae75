package dev.driftless.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.driftless.plan.Change;
import dev.driftless.plan.Plan;
import dev.driftless.plan.ServicePlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan as JSON: what {@code --json} prints and the {@code plan-file} output holds. It carries no
 * variable or secret values (redacted changes show {@code "***"}), so the file may be uploaded as an
 * artifact.
 */
public final class PlanJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    /** @param monthlyEstimateUsd the proposed monthly cost of the planned services, or null when not estimated */
    public static String render(Plan plan, Double monthlyEstimateUsd, Double liveMonthlyUsd) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("application", plan.application());
        root.put("environment", plan.environment());
        root.put("cluster", plan.cluster());
        root.put("clusterExists", plan.clusterExists());
        root.put("image", plan.image());
        root.put("at", plan.at() == null ? null : plan.at().toString());
        root.put("hasChanges", plan.hasChanges());
        root.put("changeCount", plan.changeCount());
        root.put("driftCount", plan.driftCount());
        root.put("monthlyEstimateUsd", monthlyEstimateUsd);
        root.put("liveMonthlyUsd", liveMonthlyUsd);
        List<Map<String, Object>> services = new ArrayList<>();
        for (ServicePlan s : plan.services()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service", s.service());
            m.put("action", s.action().name().toLowerCase(java.util.Locale.ROOT));
            m.put("image", s.desired().taskDefinition().image());
            m.put("specHash", s.desired().specHash());
            m.put("liveTaskDefinitionArn", s.liveTaskDefinitionArn());
            m.put("registerTaskDefinition", s.registerTaskDefinition());
            m.put("updateService", s.updateService());
            m.put("updateAutoscaling", s.updateAutoscaling());
            List<Map<String, Object>> changes = new ArrayList<>();
            for (Change c : s.changes()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("group", c.group().name().toLowerCase(java.util.Locale.ROOT));
                cm.put("field", c.field());
                cm.put("from", c.from());
                cm.put("to", c.to());
                cm.put("kind", c.kind());
                cm.put("drift", c.drift());
                changes.add(cm);
            }
            m.put("changes", changes);
            m.put("notes", s.notes());
            services.add(m);
        }
        root.put("services", services);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the plan as JSON", e);
        }
    }
}
