package com.qleven.ports.privacy.out;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import java.util.Map;

/**
 * What one context holds about a client, for the access and portability export (GDPR Arts. 15 and
 * 20). Each context that stores personal data registers one in the privacy registry, in the change
 * that creates that data. Runs inside the caller's unit of work of the client's center; answers
 * JSON-ready values only (strings, numbers, booleans, null, lists and maps of them), instants as
 * ISO-8601 text in UTC.
 */
@FunctionalInterface
public interface RegistryExporter {
    Map<String, Object> export(TenantId tenant, ClientId client);
}
