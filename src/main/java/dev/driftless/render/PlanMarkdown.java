package dev.driftless.render;

import dev.driftless.comment.Truncation;
import dev.driftless.plan.Change;
import dev.driftless.plan.ChangeGroup;
import dev.driftless.plan.Plan;
import dev.driftless.plan.ServicePlan;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A plan as markdown: a heading and a one-line count, the summary table (one row per service), then
 * each changed service's details in a collapsible block. Each details block stands alone at the top
 * level, so a too-long text can be cut between blocks (see {@link Truncation}).
 */
public final class PlanMarkdown {
    private PlanMarkdown() {
    }

    public static String render(Plan plan) {
        return summary(plan) + details(plan);
    }

    /** Heading, counts and the summary table. */
    public static String summary(Plan plan) {
        StringBuilder md = new StringBuilder();
        md.append("### driftless plan: ").append(plan.application()).append(" / ").append(plan.environment()).append("\n\n");
        long create = count(plan, ServicePlan.Action.CREATE);
        long update = count(plan, ServicePlan.Action.UPDATE);
        long none = count(plan, ServicePlan.Action.NONE);
        md.append(plan.hasChanges() ? "**" + create + " to create, " + update + " to update, " + none + " unchanged**"
                : "**No changes.** The live services match the spec.");
        long schedule = plan.services().stream().filter(s -> s.groups().contains(ChangeGroup.SCHEDULE)).count();
        if (schedule > 0) {
            md.append(" · schedule changed for ").append(schedule).append(schedule == 1 ? " service" : " services");
        }
        if (plan.driftCount() > 0) {
            md.append(" · ⚠️ ").append(plan.driftCount()).append(plan.driftCount() == 1 ? " value" : " values")
                    .append(" changed outside git (drift); applying the plan reverts ")
                    .append(plan.driftCount() == 1 ? "it" : "them");
        }
        md.append("\n\n");
        md.append("Cluster ").append(MarkdownTable.code(plan.cluster()))
                .append(plan.clusterExists() ? "" : " (does not exist yet)")
                .append(" · image: ").append(plan.image()).append("\n\n");
        MarkdownTable table = new MarkdownTable("Service", "Action", "Changes", "Drift");
        for (ServicePlan s : plan.services()) {
            table.row(s.service(), action(s), groups(s),
                    s.drift().isEmpty() ? "—" : "⚠️ " + s.drift().size());
        }
        md.append(table.render()).append('\n');
        return md.toString();
    }

    /** One collapsible block per service with changes or notes, each ending with a blank line. */
    public static String details(Plan plan) {
        StringBuilder md = new StringBuilder();
        for (ServicePlan s : plan.services()) {
            if (s.changes().isEmpty() && s.notes().isEmpty()) {
                continue;
            }
            md.append(details(s));
        }
        return md.toString();
    }

    static String details(ServicePlan s) {
        StringBuilder md = new StringBuilder();
        md.append("<details><summary><b>").append(s.service()).append("</b>: ").append(action(s));
        if (s.action() == ServicePlan.Action.UPDATE) {
            md.append(" (").append(groups(s)).append(')');
        }
        md.append("</summary>\n\n");
        if (!s.changes().isEmpty()) {
            // the drift marker gets a column only when a change drifted: an all-empty column reads as a gap
            boolean drift = s.changes().stream().anyMatch(Change::drift);
            MarkdownTable t = drift ? new MarkdownTable("What", "Field", "Live", "Spec", "Drift")
                    : new MarkdownTable("What", "Field", "Live", "Spec");
            for (Change c : s.changes()) {
                if (drift) {
                    t.row(c.group().label(), c.field(), live(c), spec(c), c.drift() ? "⚠️ drift" : "");
                } else {
                    t.row(c.group().label(), c.field(), live(c), spec(c));
                }
            }
            md.append(t.render()).append('\n');
        }
        List<String> notes = s.notes();
        if (s.registerTaskDefinition() && s.action() == ServicePlan.Action.UPDATE) {
            md.append("- registers a new revision of ").append(MarkdownTable.code(s.desired().taskDefinition().family()))
                    .append(" (now ").append(MarkdownTable.code(shortArn(s.liveTaskDefinitionArn()))).append(")\n");
        }
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        boolean schedule = s.groups().contains(ChangeGroup.SCHEDULE);
        if (schedule) {
            // the hourly `schedule` run reads the windows from the spec, so there is nothing for deploy to apply
            md.append("- the new schedule takes effect at the next `schedule` run that reads this spec; "
                    + "deploy makes no ECS change for it\n");
        }
        if (s.registerTaskDefinition() && s.action() == ServicePlan.Action.UPDATE || !notes.isEmpty() || schedule) {
            md.append('\n');
        }
        md.append("</details>\n\n");
        return md.toString();
    }

    // secrets are names only, and so are environment values that look like credentials: they never leave the runner
    private static String live(Change c) {
        if (c.from() == null) {
            return "(none)";
        }
        return c.redacted() ? hidden(c, "(set)") : MarkdownTable.code(c.from());
    }

    private static String spec(Change c) {
        if (c.to() == null) {
            return "(removed)";
        }
        return c.redacted() ? hidden(c, "(" + c.kind() + ")") : MarkdownTable.code(c.to());
    }

    private static String hidden(Change c, String secretWord) {
        return c.group() == ChangeGroup.ENVIRONMENT ? "(hidden: looks like a credential)" : secretWord;
    }

    private static String groups(ServicePlan s) {
        if (s.action() == ServicePlan.Action.CREATE) {
            return "new service";
        }
        return s.groups().isEmpty() ? "—" : s.groups().stream().map(ChangeGroup::label).collect(Collectors.joining(", "));
    }

    private static String action(ServicePlan s) {
        return switch (s.action()) {
            case CREATE -> "create";
            case UPDATE -> "update";
            case NONE -> "no change";
        };
    }

    private static long count(Plan plan, ServicePlan.Action a) {
        return plan.services().stream().filter(s -> s.action() == a).count();
    }

    private static String shortArn(String arn) {
        if (arn == null) {
            return "none";
        }
        int slash = arn.lastIndexOf('/');
        return slash < 0 ? arn : arn.substring(slash + 1);
    }
}
