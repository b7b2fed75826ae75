package dev.driftless.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.DriftlessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Role ARNs, session names and token claims: the values checked before any call. */
class AuthValuesTest {

    @ParameterizedTest
    @CsvSource({
        "arn:aws:iam::123456789012:role/deploy,                    123456789012, deploy",
        "arn:aws:iam::123456789012:role/ci/github/deploy-dev,      123456789012, deploy-dev",
        "arn:aws-us-gov:iam::210987654321:role/Deploy+Role=a@b.c,  210987654321, Deploy+Role=a@b.c",
        "' arn:aws:iam::123456789012:role/deploy ',                123456789012, deploy",
    })
    void roleArnsAreParsed(String value, String account, String name) {
        RoleArn arn = RoleArn.parse(value, "--role-arn");

        assertThat(arn.account()).isEqualTo(account);
        assertThat(arn.name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "deploy", "123456789012", "arn:aws:iam::12345678901:role/deploy", "arn:aws:iam::123456789012:user/deploy",
        "arn:aws:sts::123456789012:assumed-role/deploy/s", "arn:aws:iam::123456789012:role/", "arn:aws:iam::123456789012:role/a b",
    })
    void aMalformedRoleArnNamesTheFormat(String value) {
        assertThatThrownBy(() -> RoleArn.parse(value, "the input role-to-assume"))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("the input role-to-assume is '" + value.trim() + "', not an IAM role ARN")
                .extracting(e -> ((DriftlessException) e).hint()).asString()
                .contains("arn:aws:iam::<12-digit account>:role/<role name>");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "octo-org/durable-code, 1234567890,  driftless-octo-org-durable-code-1234567890",
        "-,                     -,           driftless-local",
        "o/r with space#,       77,          driftless-o-r-with-space--77",
        "a-very-long-organisation-name/an-even-longer-repository-name-for-tests, 98765432101, "
            + "driftless-a-very-long-organisation-name-an-even-long-98765432101",
    })
    void sessionNamesAreLegalAndKeepTheRunId(String repository, String runId, String expected) {
        String name = SessionName.of(repository, runId);

        assertThat(name).isEqualTo(expected).hasSizeLessThanOrEqualTo(64).matches("[\\w+=,.@-]{2,64}");
    }

    @Test
    void claimsAreReadFromTheTokenWithoutTheSignature() {
        String jwt = Jwts.githubToken("repo:octo-org/durable-code:environment:dev", "dev", "x");

        IdTokenClaims claims = IdTokenClaims.decode(jwt).orElseThrow();

        assertThat(claims.describe()).isEqualTo("sub=repo:octo-org/durable-code:environment:dev, aud=sts.amazonaws.com, "
                + "repository=octo-org/durable-code, ref=refs/heads/main, environment=dev, "
                + "job_workflow_ref=octo-org/durable-code/.github/workflows/deploy.yml@refs/heads/main");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-jwt", "a.b.c", "a.bm90IGpzb24.c"})
    void garbageTokensHaveNoClaims(String jwt) {
        assertThat(IdTokenClaims.decode(jwt)).isEmpty();
    }
}
