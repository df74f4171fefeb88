package org.certboard.candidate.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The address guard as a table: what it refuses by default, and what an allow-list lets through. */
class AddressGuardTest {

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.5",
            "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "240.0.0.1", "255.255.255.255", "::1", "::",
            "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:169.254.169.254" })
    void refusesTheBoardsOwnNetworksByDefault(String address) throws UnknownHostException {
        assertThat(guard(List.of()).refusal(InetAddress.getByName(address))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "93.184.215.14", "8.8.8.8", "172.32.0.1", "2606:4700::6810:84e5", "::ffff:8.8.8.8" })
    void letsPublicAddressesThrough(String address) throws UnknownHostException {
        assertThat(guard(List.of()).refusal(InetAddress.getByName(address))).isNull();
    }

    @Test
    void anAllowListOpensOnlyWhatItNames() throws UnknownHostException {
        AddressGuard guard = guard(List.of("127.0.0.1/32", "10.20.0.0/16"));
        assertThat(guard.refusal(InetAddress.getByName("127.0.0.1"))).isNull();
        assertThat(guard.refusal(InetAddress.getByName("127.0.0.2"))).isNotNull();
        assertThat(guard.refusal(InetAddress.getByName("10.20.3.4"))).isNull();
        assertThat(guard.refusal(InetAddress.getByName("10.21.0.1"))).isNotNull();
        assertThat(guard.refusal(InetAddress.getByName("::ffff:10.20.3.4"))).isNull();
        assertThat(guard.refusal(InetAddress.getByName("::1"))).isNotNull();
    }

    @Test
    void anAllowListNamesAddressesNotHosts() {
        assertThatThrownBy(() -> guard(List.of("internal.example/24"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> guard(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plainHttpOnlyInTheSandbox() {
        assertThat(SubscriptionService.schemeProblem("https", false)).isNull();
        assertThat(SubscriptionService.schemeProblem("http", false)).isEqualTo("must be an https URL");
        assertThat(SubscriptionService.schemeProblem("http", true)).isNull();
        assertThat(SubscriptionService.schemeProblem("ftp", true)).isNotNull();
    }

    @Test
    void secretsAreStandardWebhooksSecretsOfTwentyFourToSixtyFourBytes() {
        assertThat(Signatures.problemWith(Signatures.newSecret())).isNull();
        assertThat(Signatures.problemWith("whsec_" + "QUJD".repeat(8))).isNull();
        assertThat(Signatures.problemWith("whsec_" + "QUJD".repeat(7))).isNotNull();
        assertThat(Signatures.problemWith("whsec_" + "QUJD".repeat(23))).isNotNull();
        assertThat(Signatures.problemWith("QUJD".repeat(10))).isNotNull();
    }

    private static AddressGuard guard(List<String> allowed) {
        return new AddressGuard(new WebhookConfig() {
            @Override
            public List<Duration> retrySchedule() {
                return List.of(Duration.ofSeconds(1));
            }

            @Override
            public double jitter() {
                return 0;
            }

            @Override
            public Optional<List<String>> allowedNetworks() {
                return Optional.of(allowed);
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration readTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public int maxInFlightPerSubscription() {
                return 1;
            }

            @Override
            public Duration pollInterval() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration rotationOverlap() {
                return Duration.ofDays(1);
            }

            @Override
            public String secretKey() {
                return "";
            }
        });
    }
}
