package dev.driftless.aws;

import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import java.util.Map;

/** Minimal deploy-specs for tests of the AWS edge. */
public final class TestSpecs {
    private TestSpecs() {
    }

    public static DeploySpec spec(String account, String region, String devRole) {
        EnvironmentSpec dev = new EnvironmentSpec("dev", "durable-code-dev", devRole, null, null, null, null, null);
        return new DeploySpec("deploy-specs/durable-code.yaml", DeploySpec.API_VERSION, DeploySpec.KIND, "durable-code",
                account, region, Map.of(), null, null, null, null, Map.of("dev", dev), Map.of(), null, null, null);
    }
}
