package dev.driftless.engine;

import dev.driftless.testing.MotoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A VPC, subnet and security group in moto's EC2 (awsvpc services need real ones there). The project has
 * no EC2 SDK, so this speaks EC2's query protocol directly; moto reads the region from the credential scope.
 */
public record MotoNetwork(String subnet, String securityGroup) {

    public static MotoNetwork create(MotoServer moto) {
        String vpc = call(moto, "Action=CreateVpc&CidrBlock=10.0.0.0/16", "<vpcId>([^<]+)</vpcId>");
        String subnet = call(moto, "Action=CreateSubnet&VpcId=" + vpc + "&CidrBlock=10.0.1.0/24", "<subnetId>([^<]+)</subnetId>");
        String sg = call(moto, "Action=CreateSecurityGroup&GroupName=app&GroupDescription=app&VpcId=" + vpc,
                "<groupId>([^<]+)</groupId>");
        return new MotoNetwork(subnet, sg);
    }

    private static String call(MotoServer moto, String query, String pattern) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(moto.endpoint() + "/").toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            c.setRequestProperty("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20261125/us-west-2/ec2/aws4_request, "
                    + "SignedHeaders=host, Signature=0");
            c.getOutputStream().write((query + "&Version=2016-11-15").getBytes(StandardCharsets.UTF_8));
            String body = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile(pattern).matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("moto EC2 " + query + " answered " + body);
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
