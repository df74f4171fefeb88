package org.certboard.renewal.credential;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.netty.util.NetUtil;

/**
 * Finds the client of a request that came through proxies. Each proxy appends the address it received the request
 * from to {@code X-Forwarded-For}, so only the entries written by proxies the board runs can be believed: the header
 * is read from the right, past the trusted proxies, and the first address that is not one of them is the client.
 * Whatever a caller wrote further left is ignored; from a peer that is not a trusted proxy the header is ignored
 * altogether. Addresses are parsed as literals only (never looked up in DNS). An IPv6 client is known by its /64, the
 * network one host is given, so that it cannot take a fresh budget by changing its address. Plain Java.
 */
public final class TrustedProxies {
    /** Longest key kept for an entry that is not an address; bounds what a misbehaving proxy can make us store. */
    private static final int MAX_KEY = 64;
    private static final int IPV6_CLIENT_PREFIX = 64;

    private record Network(byte[] address, int prefix) {
        boolean contains(byte[] candidate) {
            return candidate.length == address.length && samePrefix(candidate, address, prefix);
        }
    }

    private final List<Network> networks;

    /** @param cidrs networks ({@code 10.0.0.0/8}) or single addresses; an entry that is neither is refused */
    public TrustedProxies(List<String> cidrs) {
        List<Network> parsed = new ArrayList<>();
        for (String cidr : cidrs) {
            String text = cidr.strip();
            int slash = text.indexOf('/');
            byte[] address = NetUtil.createByteArrayFromIpAddressString(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an address or network: " + cidr);
            }
            int prefix = address.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a prefix length: " + cidr, e);
                }
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException("prefix length out of range: " + cidr);
                }
            }
            parsed.add(new Network(address, prefix));
        }
        this.networks = List.copyOf(parsed);
    }

    /**
     * The key the client is counted by.
     *
     * @param peer the address the connection came from
     * @param forwardedFor the request's {@code X-Forwarded-For} header values, in the order received
     */
    public String client(String peer, List<String> forwardedFor) {
        byte[] peerAddress = parse(peer);
        if (peerAddress == null) {
            return truncate(peer);
        }
        if (!trusted(peerAddress)) {
            return key(peerAddress);
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            Arrays.stream(value.split(",")).map(String::strip).filter(hop -> !hop.isEmpty()).forEach(hops::add);
        }
        byte[] client = peerAddress;
        for (int i = hops.size() - 1; i >= 0; i--) {
            byte[] hop = parse(hops.get(i));
            if (hop == null) {
                // a trusted proxy writes addresses; anything else came from the caller's side of it
                return truncate(hops.get(i).toLowerCase(Locale.ROOT));
            }
            client = hop;
            if (!trusted(hop)) {
                return key(hop);
            }
        }
        // every hop was a trusted proxy: the request started inside, at the leftmost
        return key(client);
    }

    private boolean trusted(byte[] address) {
        return networks.stream().anyMatch(network -> network.contains(address));
    }

    /** An address literal, with or without a port ({@code 192.0.2.1:443}, {@code [2001:db8::1]:443}); else null. */
    static byte[] parse(String text) {
        String address = text.strip();
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            address = end < 0 ? address : address.substring(1, end);
        } else if (address.indexOf(':') >= 0 && address.indexOf(':') == address.lastIndexOf(':')) {
            address = address.substring(0, address.indexOf(':'));
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        // an IPv4 client on a dual-stack socket (::ffff:192.0.2.1) is that IPv4 client
        return bytes != null && isIpv4Mapped(bytes) ? Arrays.copyOfRange(bytes, 12, 16) : bytes;
    }

    private static String key(byte[] address) {
        if (address.length == 16) {
            byte[] network = Arrays.copyOf(address, 16);
            Arrays.fill(network, IPV6_CLIENT_PREFIX / 8, 16, (byte) 0);
            return NetUtil.bytesToIpAddress(network) + "/" + IPV6_CLIENT_PREFIX;
        }
        return NetUtil.bytesToIpAddress(address);
    }

    private static boolean isIpv4Mapped(byte[] address) {
        if (address.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int prefix) {
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (a[whole] & mask) == (b[whole] & mask);
    }

    private static String truncate(String text) {
        return text.length() <= MAX_KEY ? text : text.substring(0, MAX_KEY);
    }
}
