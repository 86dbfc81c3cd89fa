package com.qleven.domain.messaging;

import java.util.Objects;
import java.util.UUID;

/** A marketing campaign's id in its center. */
public record CampaignId(UUID value) {
    public CampaignId {
        Objects.requireNonNull(value, "value");
    }

    public static CampaignId of(String text) {
        return new CampaignId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
