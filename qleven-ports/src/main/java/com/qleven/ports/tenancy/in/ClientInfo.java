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

    public static ClientInfo unknown() {
        return new ClientInfo("unknown", "", Optional.empty());
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
