package dev.driftless.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialLookTest {

    @ParameterizedTest(name = "{0}={1} hidden: {2}")
    @CsvSource(delimiter = '|', value = {
        "LOG_LEVEL        | info                                         | false",
        "PORT             | 8000                                         | false",
        "API_URL          | http://backend:8000                          | false",
        "AUTHOR           | Ada                                          | false",
        "DB_PASSWORD      | x                                            | true",
        "github_token     | x                                            | true",
        "STRIPE_APIKEY    | x                                            | true",
        "AWS_ACCESS_KEY   | x                                            | true",
        "GREETING         | AKIAIOSFODNN7EXAMPLE                         | true",
        "GREETING         | ghp_abcdefghijklmnopqrstuvwxyz0123456789     | true",
        "GREETING         | xoxb-1234567890-abcdef                       | true",
        "GREETING         | eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2ln | true",
        "GREETING         | -----BEGIN RSA PRIVATE KEY-----              | true",
        "DATABASE         | postgres://app:hunter22@db:5432/app          | true",
        "DATABASE         | postgres://db:5432/app                       | false",
    })
    void namesAndValuesThatLookLikeCredentialsAreHidden(String name, String value, boolean hidden) {
        assertThat(CredentialLook.hidden(name, value)).isEqualTo(hidden);
    }
}
