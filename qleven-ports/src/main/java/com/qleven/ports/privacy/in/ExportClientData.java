package com.qleven.ports.privacy.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.tenancy.Principal;
import java.util.Map;

/**
 * One versioned JSON document of everything the center holds about a client, built from the
 * privacy registry: for access (GDPR Art. 15, with the processing's purposes, recipients and
 * retention) and portability (Art. 20, machine-readable). Valid against
 * {@code client-export.schema.json}, schema {@value #SCHEMA} version {@value #VERSION}.
 */
public interface ExportClientData {
    String SCHEMA = "qleven.client-export";
    int VERSION = 1;

    /**
     * @throws com.qleven.domain.shared.NotFoundException when the client is not one of the center's
     * @throws com.qleven.domain.shared.ForbiddenException unless the role may handle privacy requests
     */
    Map<String, Object> export(Principal principal, ClientId client);
}
