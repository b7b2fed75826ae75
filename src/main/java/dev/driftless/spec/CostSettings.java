package dev.driftless.spec;

import java.util.List;
import java.util.Map;

/**
 * How cost is estimated and measured.
 *
 * @param tag the cost-allocation tag Cost Explorer filters on (its value is the spec's tag of that name)
 * @param fixed fixed monthly items (load balancer, hosted zone, ...) that do not scale with tasks
 * @param prices overrides of the built-in Fargate price table, keyed by field name
 *               (vcpuHour, gbHour, spotVcpuHour, spotGbHour, storageGbHour)
 */
public record CostSettings(String tag, List<FixedCost> fixed, Map<String, Double> prices) {
    public static final CostSettings DEFAULT = new CostSettings("Project", List.of(), Map.of());

    public CostSettings {
        tag = tag == null || tag.isBlank() ? "Project" : tag;
        fixed = Maps.copy(fixed);
        prices = Maps.copy(prices);
    }

    public record FixedCost(String name, double monthlyUsd, String environment) {
    }
}
