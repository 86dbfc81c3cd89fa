package com.qleven.domain.messaging;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where a campaign stands: {@code running} while any of its messages is queued or sending,
 * {@code completed} once none is (worked out when it is read, no job needed), {@code cancelled}
 * when staff stopped it (its queued messages then skipped {@code campaign_cancelled}).
 */
public enum CampaignStatus {
    RUNNING,
    COMPLETED,
    CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CampaignStatus parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no campaign status " + wire));
    }
}
