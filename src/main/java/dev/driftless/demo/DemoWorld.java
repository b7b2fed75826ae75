package dev.driftless.demo;

import dev.driftless.DriftlessException;
import dev.driftless.aws.AwsClients;
import dev.driftless.aws.AwsSettings;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.ServiceSpec;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS account the demo deploys into, inside a fresh moto: what a real account has before
 * driftless runs (a VPC with a subnet and security group, the ECS clusters, the ECR repositories with
 * images) — the parts driftless does not create itself.
 */
public final class DemoWorld {
    public static final String ACCOUNT = "123456789012";

    private final LocalMoto moto;
    private final String region;

    public DemoWorld(LocalMoto moto, String region) {
        this.moto = moto;
        this.region = region;
    }

    /** The variables a driftless process needs to use this account. */
    public Map<String, String> awsEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ENDPOINT_URL", moto.endpoint());
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("AWS_REGION", region);
        return env;
    }

    /** A subnet and a security group (ECS awsvpc services need real ones); returns their IDs. */
    public Network createNetwork() {
        String vpc = ec2("Action=CreateVpc&CidrBlock=10.0.0.0/16", "vpcId");
        String subnet = ec2("Action=CreateSubnet&VpcId=" + vpc + "&CidrBlock=10.0.1.0/24", "subnetId");
        String group = ec2("Action=CreateSecurityGroup&GroupName=demo&GroupDescription=driftless-demo&VpcId=" + vpc, "groupId");
        return new Network(subnet, group);
    }

    /** Each environment's cluster (with the Fargate capacity providers) and each service's repository with images. */
    public void createClustersAndImages(DeploySpec spec, List<String> imageTags) {
        try (AwsClients clients = AwsClients.create(AwsSettings.of(region, awsEnvironment()))) {
            for (EnvironmentSpec env : spec.environments().values()) {
                clients.ecs().createCluster(b -> b.clusterName(env.cluster()).capacityProviders("FARGATE", "FARGATE_SPOT"));
            }
            for (ServiceSpec service : spec.services().values()) {
                String repository = service.image().repository();
                clients.ecr().createRepository(b -> b.repositoryName(repository));
                for (String tag : imageTags) {
                    clients.ecr().putImage(b -> b.repositoryName(repository).imageTag(tag)
                            .imageManifest(manifest(repository + ":" + tag)));
                }
            }
        }
    }

    /** Cost Explorer's month-to-date answer (moto serves injected results only). */
    public void injectMonthToDate(String monthStart, String today, Map<String, String> usdByService) {
        StringBuilder groups = new StringBuilder();
        usdByService.forEach((service, usd) -> groups.append(groups.length() == 0 ? "" : ",")
                .append("{\"Keys\":[\"").append(service).append("\"],\"Metrics\":{\"UnblendedCost\":{\"Amount\":\"")
                .append(usd).append("\",\"Unit\":\"USD\"}}}"));
        String answer = "{\"GroupDefinitions\":[{\"Type\":\"DIMENSION\",\"Key\":\"SERVICE\"}],\"ResultsByTime\":[{\"TimePeriod\":"
                + "{\"Start\":\"" + monthStart + "\",\"End\":\"" + today + "\"},\"Total\":{},\"Groups\":[" + groups
                + "],\"Estimated\":true}],\"DimensionValueAttributes\":[]}";
        post("/moto-api/static/ce/cost-and-usage-results", "{\"results\":[" + answer + "]}", "application/json");
    }

    /** The spec's text with its network IDs replaced by the demo account's. */
    public static String withNetwork(String specText, Network network) {
        return specText.replaceAll("subnet-[0-9a-f]+", network.subnet()).replaceAll("sg-[0-9a-f]+", network.securityGroup());
    }

    /** A subnet and security group in moto's EC2. */
    public record Network(String subnet, String securityGroup) {
    }

    private static String manifest(String name) {
        String digest = Integer.toHexString(name.hashCode());
        String layer = "sha256:" + "0".repeat(64 - digest.length()) + digest;
        return "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":2,\"digest\":\""
                + layer + "\"},\"layers\":[]}";
    }

    /** EC2's query protocol, spoken directly: the project carries no EC2 SDK for this one-time setup. */
    private String ec2(String query, String element) {
        String body = post("/", query + "&Version=2016-11-15", "application/x-www-form-urlencoded");
        Matcher m = Pattern.compile("<" + element + ">([^<]+)</" + element + ">").matcher(body);
        if (!m.find()) {
            throw new DriftlessException("moto's EC2 did not answer " + query + " with a " + element + ": " + body,
                    "see the moto log " + moto.log());
        }
        return m.group(1);
    }

    private String post(String path, String body, String contentType) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(moto.endpoint() + path).toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", contentType);
            // moto reads the region from the credential scope of the signature, which it does not check
            c.setRequestProperty("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/" + region
                    + "/ec2/aws4_request, SignedHeaders=host, Signature=0");
            c.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            int status = c.getResponseCode();
            String answer = new String((status < 400 ? c.getInputStream() : c.getErrorStream()).readAllBytes(),
                    StandardCharsets.UTF_8);
            if (status >= 400) {
                throw new DriftlessException("moto answered " + status + " to " + path + ": " + answer,
                        "see the moto log " + moto.log());
            }
            return answer;
        } catch (IOException e) {
            throw new DriftlessException("cannot reach moto at " + moto.endpoint() + ": " + e.getMessage(),
                    "see the moto log " + moto.log(), e);
        }
    }
}
