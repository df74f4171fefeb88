package org.certboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aFreePortIsBelowTheEphemeralRangeBindableAndNeverHandedOutTwice() throws IOException {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ports.add(Ports.free());
        }

        assertThat(ports).hasSize(50).allSatisfy(port -> assertThat(port).isBetween(20000, 32767));
        int port = ports.iterator().next();
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
