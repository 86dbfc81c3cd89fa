package com.qleven.application.messaging;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.Campaigns;
import com.qleven.ports.privacy.out.RegistryEraser;
import com.qleven.ports.privacy.out.RegistryExporter;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The campaigns a client was a recipient of, in the privacy registry (section {@code campaigns}):
 * the export lists each campaign (id, name, when it was created) with the id of the message it queued
 * for the client (whose fate and content the {@code messages} section shows). The erasure deletes the
 * client's recipient rows and takes the client's id out of the campaigns' explicit lists; the
 * messages themselves are the {@code messages} section's.
 */
public final class CampaignsRegistry implements RegistryExporter, RegistryEraser {
    private final Campaigns campaigns;

    public CampaignsRegistry(Campaigns campaigns) {
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
    }

    @Override
    public Map<String, Object> export(TenantId tenant, ClientId client) {
        List<Object> items = new ArrayList<>();
        for (Campaigns.Membership m : campaigns.ofClient(tenant, client)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("campaignId", m.campaign().toString());
            item.put("name", m.name());
            item.put("createdAt", DateTimeFormatter.ISO_INSTANT.format(m.createdAt().truncatedTo(ChronoUnit.MILLIS)));
            item.put("messageId", m.message().toString());
            items.add(item);
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("items", items);
        return section;
    }

    @Override
    public void erase(TenantId tenant, ClientId client) {
        campaigns.eraseClient(tenant, client);
    }
}
