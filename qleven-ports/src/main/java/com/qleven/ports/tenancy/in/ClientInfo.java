package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.Required;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a request came from, for the session log: the client's address, its user agent, and its
 * country when a trusted proxy told it (ISO 3166-1 alpha-2).
 */
public record ClientInfo(String ip, String userAgent, Optional<String> country) {
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");

    public ClientInfo {
        Required.field(ip, "ip");
        userAgent = userAgent == null ? "" : truncate(userAgent, 512);
        country = country == null ? Optional.empty() : country.filter(c -> COUNTRY.matcher(c).matches());
    }

    /**
     * What rate limits count per client: the address itself for IPv4, its /64 network for IPv6
     * (one subscriber usually holds a whole /64, so counting single addresses counts nothing).
     */
    public String rateLimitKey() {
        if (!ip.contains(":")) {
            return ip;
        }
        String address = ip.strip().toLowerCase(java.util.Locale.ROOT);
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        String[] groups = hextets(address);
        return groups == null ? ip : String.join(":", groups[0], groups[1], groups[2], groups[3]) + "::/64";
    }

    /** The eight groups of an IPv6 address, each without leading zeros; null when it is not one. */
    private static String[] hextets(String address) {
        int gap = address.indexOf("::");
        if (gap != address.lastIndexOf("::")) {
            return null;
        }
        String[] head = gap < 0 ? address.split(":", -1) : split(address.substring(0, gap));
        String[] tail = gap < 0 ? new String[0] : split(address.substring(gap + 2));
        int missing = 8 - head.length - tail.length;
        if (gap < 0 ? head.length != 8 : missing < 1) {
            return null;
        }
        String[] groups = new String[8];
        int i = 0;
        for (String g : head) {
            groups[i++] = g;
        }
        for (int m = 0; gap >= 0 && m < missing; m++) {
            groups[i++] = "0";
        }
        for (String g : tail) {
            groups[i++] = g;
        }
        for (int g = 0; g < 4; g++) {
            if (!groups[g].matches("^[0-9a-f]{1,4}$")) {
                return null;
            }
            groups[g] = Integer.toHexString(Integer.parseInt(groups[g], 16));
        }
        return groups;
    }

    private static String[] split(String part) {
        return part.isEmpty() ? new String[0] : part.split(":", -1);
    }

    public static ClientInfo unknown() {
        return new ClientInfo("unknown", "", Optional.empty());
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
