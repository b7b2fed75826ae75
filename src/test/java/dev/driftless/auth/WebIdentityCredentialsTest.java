package dev.driftless.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.engine.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

class WebIdentityCredentialsTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final RoleArn ROLE = RoleArn.parse("arn:aws:iam::123456789012:role/deploy", "test");

    private final FakeClock clock = new FakeClock(T0);
    private final List<String> tokensIssued = new ArrayList<>();
    private final List<String> tokensPresented = new ArrayList<>();
    private final List<String> masked = new ArrayList<>();

    private WebIdentityCredentials credentials(Duration session) {
        IdTokenSource tokens = audience -> {
            String t = "token-" + (tokensIssued.size() + 1) + "-for-" + audience;
            tokensIssued.add(t);
            return t;
        };
        RoleAssumer sts = (role, token, name, duration) -> {
            tokensPresented.add(token);
            int n = tokensPresented.size();
            return new AssumedRole("ASIAKEY" + n, "secret" + n, "session" + n, clock.instant().plus(duration),
                    "arn:aws:sts::123456789012:assumed-role/deploy/" + name);
        };
        return new WebIdentityCredentials(ROLE, "sts.amazonaws.com", "driftless-test-1", session, tokens, sts, clock, masked::add);
    }

    @Test
    void credentialsAreReusedUntilShortlyBeforeExpiry() {
        WebIdentityCredentials provider = credentials(Duration.ofHours(1));

        String first = provider.resolveCredentials().accessKeyId();
        clock.advance(Duration.ofMinutes(54));
        String stillFirst = provider.resolveCredentials().accessKeyId();
        clock.advance(Duration.ofMinutes(1));
        String renewed = provider.resolveCredentials().accessKeyId();

        assertThat(first).isEqualTo("ASIAKEY1").isEqualTo(stillFirst);
        assertThat(renewed).isEqualTo("ASIAKEY2");
        assertThat(provider.assumptions()).isEqualTo(2);
    }

    @Test
    void aNinetyMinuteWaitOnOneHourSessionsRenewsWithANewTokenEachTime() {
        WebIdentityCredentials provider = credentials(Duration.ofHours(1));
        List<String> keys = new ArrayList<>();

        for (int minute = 0; minute <= 90; minute += 10) {
            keys.add(provider.resolveCredentials().accessKeyId());
            clock.advance(Duration.ofMinutes(10));
        }

        assertThat(keys).containsExactly("ASIAKEY1", "ASIAKEY1", "ASIAKEY1", "ASIAKEY1", "ASIAKEY1", "ASIAKEY1",
                "ASIAKEY2", "ASIAKEY2", "ASIAKEY2", "ASIAKEY2");
        assertThat(tokensPresented).containsExactly("token-1-for-sts.amazonaws.com", "token-2-for-sts.amazonaws.com");
    }

    @Test
    void shortSessionsRenewAQuarterBeforeExpiry() {
        WebIdentityCredentials provider = credentials(Duration.ofMinutes(15));

        provider.resolveCredentials();
        clock.advance(Duration.ofSeconds(675 - 1));
        provider.resolveCredentials();
        clock.advance(Duration.ofSeconds(1));
        provider.resolveCredentials();

        assertThat(provider.assumptions()).isEqualTo(2);
    }

    @Test
    void everySecretIsMaskedBeforeItIsReturned() {
        WebIdentityCredentials provider = credentials(Duration.ofHours(1));

        AwsSessionCredentials c = (AwsSessionCredentials) provider.resolveCredentials();

        assertThat(masked).containsExactly(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
        assertThat(c.expirationTime()).contains(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void theIdentityComesFromTheAssumedRoleUser() {
        WebIdentityCredentials provider = credentials(Duration.ofHours(1));

        var me = provider.identity().orElseThrow();

        assertThat(me.account()).isEqualTo("123456789012");
        assertThat(me.arn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/deploy/driftless-test-1");
        assertThat(me.roleArn()).isEqualTo(ROLE.value());
        assertThat(me.expires()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }
}
