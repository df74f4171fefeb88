package org.certboard.candidate.webhook;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses addresses inside the board's own networks: loopback, private (site-local, unique-local), link-local (cloud
 * metadata), multicast, the any-address, in IPv4, IPv6 and IPv4-mapped IPv6, unless
 * {@code certboard.webhooks.allowed-networks} names a CIDR that contains them. The sender asks on every connection,
 * with the address it is about to connect to.
 */
@ApplicationScoped
public class AddressGuard {
    private record Network(byte[] base, int bits) {
        boolean contains(byte[] address) {
            if (address.length != base.length) {
                return false;
            }
            BigInteger mask = BigInteger.ONE.shiftLeft(address.length * 8).subtract(BigInteger.ONE)
                    .shiftRight(bits).not();
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, base).and(mask));
        }
    }

    private final List<Network> allowed;

    public AddressGuard(WebhookConfig config) {
        this.allowed = config.allowedNetworks().orElse(List.of()).stream().map(AddressGuard::network).toList();
    }

    /** Null when a subscriber at {@code address} may be called, else why not. */
    public String refusal(InetAddress address) {
        InetAddress plain = unmapped(address);
        byte[] bytes = plain.getAddress();
        if (allowed.stream().anyMatch(network -> network.contains(bytes))) {
            return null;
        }
        boolean uniqueLocal = plain instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
        boolean sharedOrReserved = plain instanceof Inet4Address && ((bytes[0] & 0xff) == 100
                && (bytes[1] & 0xc0) == 64 || (bytes[0] & 0xff) == 0 || (bytes[0] & 0xff) >= 240);
        if (plain.isLoopbackAddress() || plain.isSiteLocalAddress() || plain.isLinkLocalAddress()
                || plain.isAnyLocalAddress() || plain.isMulticastAddress() || uniqueLocal || sharedOrReserved) {
            return address.getHostAddress() + " is a private, loopback, link-local or reserved address";
        }
        return null;
    }

    /** An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it carries. */
    private static InetAddress unmapped(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16 && Arrays.equals(Arrays.copyOf(bytes, 10), new byte[10])
                && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
            try {
                return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return address;
    }

    private static Network network(String cidr) {
        String[] parts = cidr.strip().split("/");
        try {
            if (parts.length > 2 || !(parts[0].matches("[0-9.]+") || parts[0].contains(":"))) {
                throw new IllegalArgumentException("certboard.webhooks.allowed-networks: bad CIDR " + cidr);
            }
            // a literal address: no name is looked up
            byte[] base = InetAddress.getByName(parts[0]).getAddress();
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : base.length * 8;
            if (bits < 0 || bits > base.length * 8) {
                throw new IllegalArgumentException("certboard.webhooks.allowed-networks: bad CIDR " + cidr);
            }
            return new Network(base, bits);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("certboard.webhooks.allowed-networks: bad CIDR " + cidr, e);
        }
    }
}
