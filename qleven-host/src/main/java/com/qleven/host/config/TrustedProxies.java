package com.qleven.host.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-For} the host believes ({@code QLEVEN_TRUSTED_PROXIES},
 * CIDR blocks). Empty: nobody's, the peer's address is the client's.
 */
public final class TrustedProxies {
    public static final TrustedProxies NONE = new TrustedProxies(List.of());
    private static final Pattern IPV4 = Pattern.compile("^[0-9]{1,3}(\\.[0-9]{1,3}){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");

    private final List<Block> blocks;

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** Parses {@code a.b.c.d/n} and {@code x:y::z/n} blocks separated by commas; a bare address is a /32 or /128. */
    static TrustedProxies parse(String value, java.util.function.Consumer<String> problems) {
        List<Block> blocks = new ArrayList<>();
        for (String raw : value.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split("/", -1);
            Optional<InetAddress> address = parts.length <= 2 ? literal(parts[0]) : Optional.empty();
            int max = address.map(a -> a.getAddress().length * 8).orElse(0);
            int prefix = max;
            boolean ok = address.isPresent();
            if (ok && parts.length == 2) {
                try {
                    prefix = parts[1].matches("^[0-9]{1,3}$") ? Integer.parseInt(parts[1]) : -1;
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                ok = prefix >= 0 && prefix <= max;
            }
            if (!ok) {
                problems.accept(HostConfig.TRUSTED_PROXIES + " must list CIDR blocks such as 10.0.0.0/8 or "
                        + "2001:db8::/32 separated by commas, got '" + (entry.length() <= 50 ? entry
                        : entry.substring(0, 50) + "…") + "'");
                continue;
            }
            blocks.add(new Block(address.get().getAddress(), prefix));
        }
        return new TrustedProxies(blocks);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    public boolean trusts(InetAddress address) {
        byte[] bytes = address.getAddress();
        return blocks.stream().anyMatch(b -> b.contains(bytes));
    }

    /**
     * An IP address literal, never a name to resolve: IPv4 dotted quads and IPv6 (with or without
     * brackets, without a zone). An IPv4-mapped IPv6 address comes back as the IPv4 one.
     */
    public static Optional<InetAddress> literal(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        boolean v4 = IPV4.matcher(s).matches();
        boolean v6 = !v4 && s.contains(":") && IPV6.matcher(s).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        if (v4) {
            for (String octet : s.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            // Only literals reach here: a colon or a dotted quad is never looked up in DNS.
            return Optional.of(InetAddress.getByName(v6 ? "[" + s + "]" : s));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
