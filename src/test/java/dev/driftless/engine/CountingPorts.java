package dev.driftless.engine;

import dev.driftless.plan.LiveEnvironment;
import dev.driftless.plan.LiveScaling;
import dev.driftless.plan.TaskDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decorates the ports and records each call by name, so tests can count the mutating ones. */
final class CountingPorts {
    final List<String> calls = new ArrayList<>();
    private final LiveStateReader reader;
    private final ScalableTargets targets;
    private final ServiceScaling scaling;

    CountingPorts(LiveStateReader reader, ScalableTargets targets, ServiceScaling scaling) {
        this.reader = reader;
        this.targets = targets;
        this.scaling = scaling;
    }

    List<String> mutations() {
        return calls.stream().filter(c -> !c.startsWith("read")).toList();
    }

    void clear() {
        calls.clear();
    }

    LiveStateReader reader() {
        return new LiveStateReader() {
            @Override
            public LiveEnvironment services(String cluster, List<String> names) {
                calls.add("readServices " + names);
                return reader.services(cluster, names);
            }

            @Override
            public Optional<TaskDefinition> taskDefinition(String arnOrFamilyRevision, String containerName) {
                calls.add("readTaskDefinition " + arnOrFamilyRevision);
                return reader.taskDefinition(arnOrFamilyRevision, containerName);
            }

            @Override
            public Map<String, LiveScaling> scaling(String cluster, List<String> names) {
                calls.add("readScaling " + names);
                return reader.scaling(cluster, names);
            }
        };
    }

    EnvironmentScaler scaler() {
        return new EnvironmentScaler(reader(),
                new ScalableTargets() {
                    @Override
                    public void register(String cluster, String service, int min, int max) {
                        calls.add("registerTarget " + service + " " + min + "-" + max);
                        targets.register(cluster, service, min, max);
                    }

                    @Override
                    public void deregister(String cluster, String service) {
                        calls.add("deregisterTarget " + service);
                        targets.deregister(cluster, service);
                    }

                    @Override
                    public void deletePolicy(String cluster, String service, String policyName) {
                        calls.add("deletePolicy " + service + " " + policyName);
                        targets.deletePolicy(cluster, service, policyName);
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
                    public void setCapacity(String cluster, String service,
                            java.util.List<dev.driftless.plan.ServiceSettings.CapacityItem> strategy) {
                        calls.add("setCapacity " + service);
                        scaling.setCapacity(cluster, service, strategy);
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
