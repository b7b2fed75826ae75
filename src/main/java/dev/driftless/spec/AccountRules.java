package dev.driftless.spec;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything that names an AWS resource: the 12-digit account and the region, then roles, secrets,
 * target groups and KMS keys as well-formed ARNs in that account (a spec that reaches into another account is
 * almost always a copy-paste slip, and the account guard would refuse it at run time anyway), and
 * subnet and security-group ids.
 */
final class AccountRules implements SpecRule {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}");
    private static final Pattern SUBNET = Pattern.compile("subnet-[0-9a-f]{4,17}");
    private static final Pattern SECURITY_GROUP = Pattern.compile("sg-[0-9a-f]{4,17}");

    @Override
    public void check(DeploySpec spec, Problems problems) {
        String account = spec.account();
        boolean accountOk = account != null && ACCOUNT.matcher(account).matches();
        if (account != null && !accountOk) {
            problems.error("account", "account '" + account + "' is not a 12-digit AWS account id; quote it so "
                    + "YAML keeps leading zeros: account: \"012345678901\"");
        }
        if (spec.region() != null && !REGION.matcher(spec.region()).matches()) {
            problems.error("region", "region '" + spec.region() + "' is not an AWS region name like us-west-2");
        }
        Context ctx = new Context(accountOk ? account : null, spec.region(), problems);
        if (spec.roles() != null) {
            ctx.role("roles.execution", spec.roles().execution());
            ctx.role("roles.task", spec.roles().task());
        }
        spec.environments().forEach((env, e) -> {
            String path = "environments." + env;
            ctx.role(path + ".role", e.role());
            if (e.network() != null) {
                ids(e.network().subnets(), path + ".network.subnets", SUBNET, "subnet id like subnet-0a1b2c3d", problems);
                ids(e.network().securityGroups(), path + ".network.securityGroups", SECURITY_GROUP,
                        "security group id like sg-0a1b2c3d", problems);
            }
        });
        spec.services().forEach((name, s) -> {
            String path = "services." + name;
            secrets(ctx, path + ".secrets", s.secrets());
            s.overrides().forEach((env, o) -> secrets(ctx, path + ".overrides." + env + ".secrets", o.secrets()));
            if (s.image() != null) {
                ctx.kmsKey(path + ".image.kmsKey", s.image().kmsKey());
            }
            if (s.loadBalancer() != null) {
                LoadBalancer lb = s.loadBalancer();
                ctx.targetGroup(path + ".loadBalancer.targetGroupArn", lb.targetGroupArn());
                ctx.targetGroup(path + ".loadBalancer.alternateTargetGroupArn", lb.alternateTargetGroupArn());
                ctx.listenerRule(path + ".loadBalancer.productionListenerRule", lb.productionListenerRule());
                ctx.listenerRule(path + ".loadBalancer.testListenerRule", lb.testListenerRule());
                ctx.role(path + ".loadBalancer.role", lb.role());
            }
            hooks(ctx, path + ".deploy", s.deploy());
            s.overrides().forEach((env, o) -> hooks(ctx, path + ".overrides." + env + ".deploy", o.deploy()));
        });
    }

    private static void hooks(Context ctx, String path, ServiceDeploy deploy) {
        if (deploy == null) {
            return;
        }
        for (int i = 0; i < deploy.hooks().size(); i++) {
            ctx.lambda(path + ".hooks[" + i + "].lambda", deploy.hooks().get(i).lambda());
        }
    }

    private static void secrets(Context ctx, String path, Map<String, String> secrets) {
        secrets.forEach((key, value) -> ctx.secret(path + "." + key, key, value));
    }

    private static void ids(List<String> ids, String path, Pattern pattern, String what, Problems problems) {
        for (int i = 0; i < ids.size(); i++) {
            if (!pattern.matcher(ids.get(i)).matches()) {
                problems.error(path + "[" + i + "]", "'" + ids.get(i) + "' is not a " + what);
            }
        }
    }

    /** The account and region ARNs must match, and where to report. */
    private record Context(String account, String region, Problems problems) {
        void role(String path, String value) {
            if (value == null) {
                return;
            }
            Arn arn = Arn.parse(value).filter(a -> a.service().equals("iam") && a.resource().startsWith("role/")
                    && a.resource().length() > "role/".length()).orElse(null);
            if (arn == null) {
                problems.error(path, "'" + value + "' is not an IAM role ARN like arn:aws:iam::123456789012:role/name");
                return;
            }
            sameAccount(path, arn, "role");
        }

        void secret(String path, String key, String value) {
            Arn arn = Arn.parse(value).orElse(null);
            boolean ssm = arn != null && arn.service().equals("ssm") && arn.resource().startsWith("parameter/");
            boolean sm = arn != null && arn.service().equals("secretsmanager") && arn.resource().startsWith("secret:");
            if (!ssm && !sm) {
                // Never echo the value: it may be the very secret that should not be in git.
                problems.error(path, "secret " + key + " must be the ARN of an SSM parameter "
                        + "(arn:aws:ssm:REGION:ACCOUNT:parameter/NAME) or a Secrets Manager secret "
                        + "(arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME), never the value itself");
                return;
            }
            sameAccount(path, arn, "secret");
            if (region != null && !arn.region().equals(region)) {
                problems.warning(path, "secret " + key + " is in " + arn.region() + " but the spec deploys to " + region
                        + "; ECS reads it across regions only by full ARN, and the execution role must allow that region");
            }
        }

        void targetGroup(String path, String value) {
            if (value == null) {
                return;
            }
            Arn arn = Arn.parse(value).filter(a -> a.service().equals("elasticloadbalancing")
                    && a.resource().startsWith("targetgroup/")).orElse(null);
            if (arn == null) {
                problems.error(path, "'" + value + "' is not a target group ARN like "
                        + "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/NAME/ID");
                return;
            }
            sameAccount(path, arn, "target group");
            if (region != null && !arn.region().equals(region)) {
                problems.error(path, "target group is in " + arn.region() + " but the spec deploys to " + region
                        + "; a service can only use a target group in its own region");
            }
        }

        void listenerRule(String path, String value) {
            if (value == null) {
                return;
            }
            Arn arn = Arn.parse(value).filter(a -> a.service().equals("elasticloadbalancing")
                    && a.resource().startsWith("listener-rule/")).orElse(null);
            if (arn == null) {
                problems.error(path, "'" + value + "' is not a listener rule ARN like "
                        + "arn:aws:elasticloadbalancing:us-west-2:123456789012:listener-rule/app/NAME/ID/ID/ID");
                return;
            }
            sameAccount(path, arn, "listener rule");
            sameRegion(path, arn, "listener rule", "a service's traffic can only move on a load balancer in its region");
        }

        void lambda(String path, String value) {
            if (value == null) {
                return;
            }
            Arn arn = Arn.parse(value).filter(a -> a.service().equals("lambda") && a.resource().startsWith("function:")
                    && a.resource().length() > "function:".length()).orElse(null);
            if (arn == null) {
                problems.error(path, "'" + value + "' is not a Lambda function ARN like "
                        + "arn:aws:lambda:us-west-2:123456789012:function:NAME");
                return;
            }
            sameAccount(path, arn, "Lambda function");
            sameRegion(path, arn, "Lambda function", "ECS calls lifecycle hooks in the service's region");
        }

        private void sameRegion(String path, Arn arn, String what, String why) {
            if (region != null && !arn.region().equals(region)) {
                problems.error(path, what + " is in " + arn.region() + " but the spec deploys to " + region + "; " + why);
            }
        }

        void kmsKey(String path, String value) {
            if (value == null) {
                return;
            }
            Arn arn = Arn.parse(value).filter(a -> a.service().equals("kms") && !a.region().isEmpty()
                    && a.resource().matches("(key|alias)/.+")).orElse(null);
            if (arn == null) {
                problems.error(path, "'" + value + "' is not a KMS key or alias ARN like "
                        + "arn:aws:kms:us-west-2:123456789012:key/ID or arn:aws:kms:us-west-2:123456789012:alias/NAME");
                return;
            }
            sameAccount(path, arn, "KMS key");
            if (region != null && !arn.region().equals(region)) {
                problems.error(path, "KMS key is in " + arn.region() + " but the spec deploys to " + region
                        + "; ECR encrypts a repository only with a key in its own region");
            }
        }

        private void sameAccount(String path, Arn arn, String what) {
            if (account != null && !arn.account().equals(account)) {
                problems.error(path, what + " is in account " + (arn.account().isEmpty() ? "(none)" : arn.account())
                        + ", not the spec's account " + account);
            }
        }
    }
}
