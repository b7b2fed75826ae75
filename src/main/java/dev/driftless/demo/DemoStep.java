package dev.driftless.demo;

import java.util.List;

/**
 * One command of the demo pipeline, run as a workflow would run it.
 *
 * @param slug file-name stem of its summary, outputs and log
 * @param event the GitHub event the step stands for (push, pull_request, schedule, workflow_dispatch)
 * @param args the driftless command line
 */
public record DemoStep(String slug, String title, String event, List<String> args) {
    public DemoStep {
        args = List.copyOf(args);
    }

    public String command() {
        return args.get(0);
    }
}
