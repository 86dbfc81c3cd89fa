package com.qleven.ports.messaging.in;

import com.qleven.domain.messaging.Campaign;
import com.qleven.domain.messaging.CampaignStatus;
import com.qleven.domain.messaging.MessageStatus;
import com.qleven.domain.messaging.SkipReason;
import com.qleven.ports.messaging.out.Campaigns;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A campaign as staff see it: what it is, its status as of now ({@code completed} once none of its
 * messages is queued or sending) and its progress. In the progress, {@code sent} counts every message
 * Meta accepted (those since delivered or read included), {@code delivered} those delivered (read
 * included) and {@code read} those read; the rates are over {@code sent} (empty while none was sent).
 * {@code replied} counts recipients who wrote back (see {@code Campaigns.Progress}).
 */
public record CampaignView(Campaign campaign, CampaignStatus status, long recipients, long queued, long sending,
                           long sent, long delivered, long read, long failed, long uncertain,
                           Map<SkipReason, Long> skipped, long replied) {
    public CampaignView {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(status, "status");
        skipped = Map.copyOf(skipped);
    }

    public static CampaignView of(Campaign campaign, Campaigns.Progress p) {
        long read = p.count(MessageStatus.READ);
        long delivered = p.count(MessageStatus.DELIVERED) + read;
        long sent = p.count(MessageStatus.SENT) + delivered;
        return new CampaignView(campaign, campaign.asOf(p.pending()), p.recipients(), p.count(MessageStatus.QUEUED),
                p.count(MessageStatus.SENDING), sent, delivered, read, p.count(MessageStatus.FAILED),
                p.count(MessageStatus.UNCERTAIN), p.skipped(), p.replied());
    }

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    public OptionalDouble deliveryRate() {
        return rate(delivered);
    }

    public OptionalDouble readRate() {
        return rate(read);
    }

    public OptionalDouble replyRate() {
        return rate(replied);
    }

    private OptionalDouble rate(long part) {
        return sent == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.min(1.0, (double) part / sent));
    }
}
