package dev.driftless.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Decorates the ports and records each call by name, so tests can count the mutating ones. */
final class CountingPorts {
    final List<String> calls = new ArrayList<>();
    private final ServiceStates states;
    private final ScalableTargets targets;
    private final ServiceScaling scaling;

    CountingPorts(ServiceStates states, ScalableTargets targets, ServiceScaling scaling) {
        this.states = states;
        this.targets = targets;
        this.scaling = scaling;
    }

    List<String> mutations() {
        return calls.stream().filter(c -> !c.startsWith("describe") && !c.startsWith("read") && !c.startsWith("policies")).toList();
    }

    void clear() {
        calls.clear();
    }

    EnvironmentScaler scaler() {
        return new EnvironmentScaler(
                (cluster, names) -> {
                    calls.add("readServices " + names);
                    return states.read(cluster, names);
                },
                new ScalableTargets() {
                    @Override
                    public Map<String, ScalableTarget> describe(String cluster, List<String> services) {
                        calls.add("describeTargets " + services);
                        return targets.describe(cluster, services);
                    }

                    @Override
                    public void register(String cluster, String service, int min, int max) {
                        calls.add("registerTarget " + service + " " + min + "-" + max);
                        targets.register(cluster, service, min, max);
                    }

                    @Override
                    public List<TargetTrackingPolicy> policies(String cluster, String service) {
                        calls.add("policies " + service);
                        return targets.policies(cluster, service);
                    }

                    @Override
                    public void putTargetTracking(String cluster, String service, TargetTrackingPolicy policy) {
                        calls.add("putTargetTracking " + service);
                        targets.putTargetTracking(cluster, service, policy);
                    }
                },
                new ServiceScaling() {
                    @Override
                    public void setDesiredCount(String cluster, String service, int desiredCount) {
                        calls.add("setDesiredCount " + service + " " + desiredCount);
                        scaling.setDesiredCount(cluster, service, desiredCount);
                    }

                    @Override
                    public void tag(String serviceArn, Map<String, String> tags) {
                        if (!tags.isEmpty()) {
                            calls.add("tag " + serviceArn + " " + tags.keySet());
                        }
                        scaling.tag(serviceArn, tags);
                    }

                    @Override
                    public void untag(String serviceArn, Collection<String> keys) {
                        if (!keys.isEmpty()) {
                            calls.add("untag " + serviceArn + " " + keys);
                        }
                        scaling.untag(serviceArn, keys);
                    }
                });
    }
}
