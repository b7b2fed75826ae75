package dev.driftless.aws;

import dev.driftless.DriftlessException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** ECR errors as messages a user can act on. */
final class EcrErrors {
    private EcrErrors() {
    }

    static boolean accessDenied(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() == 403 || "AccessDeniedException".equals(code) || "AccessDenied".equals(code);
    }

    static DriftlessException translate(SdkException e, String action, String subject) {
        if (e instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
            String detail = s.awsErrorDetails() == null ? s.getMessage() : s.awsErrorDetails().errorMessage();
            if (accessDenied(s)) {
                return new DriftlessException("ECR denied " + action + " on " + subject + ": " + detail,
                        "allow " + action + " in the deploy role's IAM policy (resource: the repository ARN"
                                + ("ecr:GetAuthorizationToken".equals(action) ? ", or * for this action" : "") + ")", e);
            }
            if ("KmsException".equals(code)) {
                return new DriftlessException("ECR could not use the KMS key for " + subject + ": " + detail,
                        "check the key ARN in image.encryption and that the deploy role may use it (kms:CreateGrant, kms:DescribeKey)", e);
            }
            if ("InvalidParameterException".equals(code) || "ValidationException".equals(code)
                    || "LifecyclePolicyValidationException".equals(code) || "InvalidTagParameterException".equals(code)) {
                return new DriftlessException("ECR refused " + action + " on " + subject + ": " + detail,
                        "fix the image settings of this repository in the deploy-spec", e);
            }
            if ("LimitExceededException".equals(code) || "TooManyTagsException".equals(code)) {
                return new DriftlessException("ECR limit reached on " + action + " for " + subject + ": " + detail,
                        "remove unused repositories or tags, or ask AWS for a higher quota", e);
            }
            return new DriftlessException("ECR " + action + " failed for " + subject + ": "
                    + (code == null ? "" : code + ": ") + detail, "rerun the job; if it persists, check the AWS Health Dashboard", e);
        }
        SdkClientException c = (SdkClientException) e;
        return new DriftlessException("cannot reach ECR for " + action + ": " + c.getMessage(),
                "check the network, the region and AWS credentials (AWS_REGION, the role from the auth step)", e);
    }
}
