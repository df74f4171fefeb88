package org.certboard.renewal.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
    private final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "192.0.2.10", "fd00::/8"));

    @Test
    void fromAnUntrustedPeerTheHeaderIsIgnored() {
        assertThat(proxies.client("198.51.100.1", List.of("203.0.113.5"))).isEqualTo("198.51.100.1");
        assertThat(new TrustedProxies(List.of()).client("10.1.1.1", List.of("203.0.113.5"))).isEqualTo("10.1.1.1");
    }

    @Test
    void fromATrustedPeerTheFirstUntrustedHopFromTheRightIsTheClientWhateverTheCallerWroteLeftOfIt() {
        assertThat(proxies.client("10.0.0.7", List.of("203.0.113.5"))).isEqualTo("203.0.113.5");
        assertThat(proxies.client("10.0.0.7", List.of("1.2.3.4, 203.0.113.5"))).isEqualTo("203.0.113.5");
        assertThat(proxies.client("10.0.0.7", List.of("1.2.3.4", "203.0.113.5, 192.0.2.10"))).isEqualTo("203.0.113.5");
        assertThat(proxies.client("10.0.0.7", List.of("not-an-address, 203.0.113.5:51234, 10.9.9.9")))
                .isEqualTo("203.0.113.5");
    }

    @Test
    void aRequestThatStartedInsideIsItsLeftmostTrustedHopAndNoHeaderMeansThePeer() {
        assertThat(proxies.client("10.0.0.7", List.of("10.2.2.2, 10.3.3.3"))).isEqualTo("10.2.2.2");
        assertThat(proxies.client("10.0.0.7", List.of())).isEqualTo("10.0.0.7");
        assertThat(proxies.client("10.0.0.7", List.of(" , "))).isEqualTo("10.0.0.7");
    }

    @Test
    void somethingThatIsNotAnAddressIsTheClientsKeyAsWrittenAndNeverLookedUp() {
        assertThat(proxies.client("10.0.0.7", List.of("localhost"))).isEqualTo("localhost");
        assertThat(proxies.client("10.0.0.7", List.of("x".repeat(500)))).hasSize(64);
    }

    @Test
    void anIpv6ClientIsKnownByItsSlash64AndAMappedIpv4ClientByItsIpv4Address() {
        assertThat(proxies.client("10.0.0.7", List.of("[2001:db8:1:2::1]:443")))
                .isEqualTo(proxies.client("10.0.0.7", List.of("2001:DB8:1:2:ffff::9")))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(proxies.client("::ffff:198.51.100.1", List.of("203.0.113.5"))).isEqualTo("198.51.100.1");
        assertThat(proxies.client("fd00::1", List.of("203.0.113.5"))).isEqualTo("203.0.113.5");
    }

    @Test
    void aMistypedNetworkIsRefused() {
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustedProxies(List.of("ingress.local"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/x"))).isInstanceOf(IllegalArgumentException.class);
    }
}
