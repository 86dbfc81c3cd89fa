package com.qleven.domain.shared;

import java.util.Map;
import java.util.Optional;

/**
 * A remote service the request needed refused it or gave no answer, so nothing was stored:
 * {@code service} names it ({@code graph} for Meta's Graph API) and {@code remoteCode} is its own
 * error code when it gave one (a Graph error code such as 190 or 100). The message never holds a
 * credential or personal data.
 */
public final class BadGatewayException extends QlevenException {
    private final String service;
    private final Optional<Integer> remoteCode;

    public BadGatewayException(String service, Optional<Integer> remoteCode, String message) {
        super(ErrorCode.BAD_GATEWAY, message, null);
        this.service = java.util.Objects.requireNonNull(service, "service");
        this.remoteCode = java.util.Objects.requireNonNull(remoteCode, "remoteCode");
    }

    public String service() {
        return service;
    }

    public Optional<Integer> remoteCode() {
        return remoteCode;
    }

    /** Members for a problem body: the service and, when known, its code as {@code <service>Code}. */
    public Map<String, Object> details() {
        return remoteCode.<Map<String, Object>>map(c -> Map.of("service", service, service + "Code", c))
                .orElse(Map.of("service", service));
    }
}
