package dev.driftless.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One-off tasks and {@code deploy.before}: each task names a service of the spec and a command, its size
 * override is a Fargate size, and before-deploy steps name declared tasks, once each.
 */
final class TaskRules implements SpecRule {
    @Override
    public void check(DeploySpec spec, Problems problems) {
        spec.tasks().forEach((name, t) -> {
            String path = "tasks." + name;
            ServiceSpec service = t.service() == null ? null : spec.services().get(t.service());
            if (t.service() != null && service == null) {
                problems.error(path + ".service", "no service '" + t.service() + "' in this spec; a task runs with one "
                        + "service's task definition" + DidYouMean.hint(t.service(), spec.services().keySet()));
            }
            if (t.command().isEmpty() && problems.locations().has(path + ".command")) {
                problems.error(path + ".command", "command is empty; give the command the task runs, e.g. [./manage, migrate]");
            }
            if (service != null && (t.cpu() != null || t.memory() != null)) {
                int cpu = t.cpu() != null ? t.cpu() : service.cpu();
                int memory = t.memory() != null ? t.memory() : service.memory();
                if (!FargateSizes.valid(cpu, memory)) {
                    problems.error(path + (t.memory() != null ? ".memory" : ".cpu"), "cpu " + cpu + " with memory " + memory
                            + " is not a Fargate size; with cpu " + cpu + " use memory " + FargateSizes.memoryFor(cpu) + " (MiB)");
                }
            }
        });
        List<String> before = spec.deploy().before();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < before.size(); i++) {
            String task = before.get(i);
            String at = "deploy.before[" + i + "]";
            if (!spec.tasks().containsKey(task)) {
                problems.error(at, "no task '" + task + "' under tasks; declare it there (tasks." + task
                        + ": {service: S, command: [...]})" + DidYouMean.hint(task, spec.tasks().keySet()));
            } else if (!seen.add(task)) {
                problems.error(at, "task '" + task + "' is listed twice; each runs once before the deploy");
            }
        }
    }
}
