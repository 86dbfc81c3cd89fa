package com.qleven.application.privacy;

import com.qleven.application.consent.ConsentRecords;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentEntry;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.privacy.out.RegistryExporter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The consent ledger's section of a client's export, through the consent context's own hook: every
 * entry, oldest first, with the notice version and text hash the client saw (the consent history
 * that Art. 15 access includes).
 */
public final class RegistryConsentExporter implements RegistryExporter {
    private final ConsentRecords records;

    public RegistryConsentExporter(ConsentRecords records) {
        this.records = records;
    }

    @Override
    public Map<String, Object> export(TenantId tenant, ClientId client) {
        List<Map<String, Object>> entries = records.export(tenant, client).stream().map(RegistryConsentExporter::entry)
                .toList();
        return Map.of("entries", entries);
    }

    private static Map<String, Object> entry(ConsentEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("purpose", e.purpose().code());
        json.put("decision", e.decision().wireName());
        json.put("channel", e.channel().wireName());
        json.put("textVersion", e.notice().version());
        json.put("textSha256", e.notice().textSha256());
        json.put("proof", e.proof().orElse(null));
        json.put("recordedBy", e.recordedBy().map(Object::toString).orElse(null));
        json.put("recordedAt", e.recordedAt().toString());
        json.put("ageVerified", e.ageVerified());
        return json;
    }
}
