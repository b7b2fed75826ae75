package dev.driftless.spec;

import java.util.List;

/** awsvpc networking for an environment's services. */
public record Network(List<String> subnets, List<String> securityGroups, boolean publicIp) {
    public Network {
        subnets = Maps.copy(subnets);
        securityGroups = Maps.copy(securityGroups);
    }
}
