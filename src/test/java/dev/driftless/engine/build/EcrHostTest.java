package dev.driftless.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcrHostTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "123456789012.dkr.ecr.us-west-2.amazonaws.com/demo-backend@sha256:ab | 123456789012.dkr.ecr.us-west-2.amazonaws.com | 123456789012 | us-west-2",
        "210987654321.dkr.ecr.eu-central-1.amazonaws.com/team/web:v1           | 210987654321.dkr.ecr.eu-central-1.amazonaws.com | 210987654321 | eu-central-1",
        "123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/app:1               | 123456789012.dkr.ecr-fips.us-east-1.amazonaws.com | 123456789012 | us-east-1",
        "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:1                | 123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn | 123456789012 | cn-north-1",
        "localhost:5000/demo-backend@sha256:ab                                  | - | - | -",
        "public.ecr.aws/nginx/nginx:latest                                      | - | - | -",
        "12345.dkr.ecr.us-west-2.amazonaws.com/app:1                            | - | - | -",
        "123456789012.dkr.ecr.us-west-2.amazonaws.com.evil.example/app:1        | - | - | -",
        "busybox                                                                | - | - | -",
    })
    void findsTheEcrRegistryOfAnImageAndNothingElse(String image, String host, String account, String region) {
        Optional<EcrHost> found = EcrHost.of(image);

        assertThat(found).isEqualTo(host == null ? Optional.empty() : Optional.of(new EcrHost(host, account, region)));
    }
}
