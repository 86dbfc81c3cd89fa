package com.qleven.ports.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.DeliveryReport;
import com.qleven.ports.messaging.out.StatusUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryReportTest {
    private static final Instant T = Instant.parse("2026-01-05T08:00:00Z");
    private static final TenantId CENTER = new TenantId(UUID.randomUUID());
    private static final OutboundMessageId MESSAGE = new OutboundMessageId(UUID.randomUUID());

    private static StatusUpdate status(String status, long second, Optional<StatusUpdate.StatusError> error,
                                       Optional<StatusUpdate.Pricing> pricing,
                                       Optional<StatusUpdate.Conversation> conversation) {
        return new StatusUpdate("1", "wamid.X", status, T.plusSeconds(second), Optional.empty(), error, pricing,
                conversation);
    }

    private static Optional<StatusUpdate.Pricing> pricing(String category, String model) {
        return Optional.of(new StatusUpdate.Pricing(Optional.of(category), Optional.of(model), Optional.empty(),
                Optional.empty()));
    }

    private static Optional<StatusUpdate.StatusError> error(int code) {
        return Optional.of(new StatusUpdate.StatusError(code, Optional.of("t" + code), Optional.empty(),
                Optional.empty()));
    }

    @Test
    void anyOrderAndAnyRepetitionOfStatusesGivesTheSameReport() {
        List<StatusUpdate> statuses = List.of(
                status("sent", 1, Optional.empty(), pricing("utility", "PMP"),
                        Optional.of(new StatusUpdate.Conversation("c1", Optional.of("utility")))),
                status("delivered", 2, Optional.empty(), pricing("utility", "PMP"), Optional.empty()),
                // same time as the sent: the smaller value wins, whatever the order
                status("sent", 1, Optional.empty(), pricing("marketing", "PMP"),
                        Optional.of(new StatusUpdate.Conversation("c0", Optional.empty()))),
                status("failed", 3, error(131026), Optional.empty(), Optional.empty()),
                status("failed", 5, error(131047), Optional.empty(), Optional.empty()),
                status("failed", 5, error(131000), Optional.empty(), Optional.empty()),
                status("read", 9, Optional.empty(), Optional.empty(), Optional.empty()));
        DeliveryReport inOrder = DeliveryReport.empty(CENTER, MESSAGE);
        for (StatusUpdate s : statuses) {
            inOrder = inOrder.merge(s);
        }
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<StatusUpdate> shuffled = new ArrayList<>(statuses);
            shuffled.addAll(statuses.subList(0, random.nextInt(statuses.size())));
            Collections.shuffle(shuffled, random);
            DeliveryReport report = DeliveryReport.empty(CENTER, MESSAGE);
            for (StatusUpdate s : shuffled) {
                report = report.merge(s);
            }
            assertThat(report).isEqualTo(inOrder);
        }

        // Earliest pricing and conversation; the latest failure, a tie going to the smaller value.
        assertThat(inOrder.pricing()).isEqualTo(pricing("marketing", "PMP"));
        assertThat(inOrder.pricingAt()).contains(T.plusSeconds(1));
        assertThat(inOrder.conversation().orElseThrow().id()).isEqualTo("c0");
        assertThat(inOrder.lastError().orElseThrow().code()).isEqualTo(131000);
        assertThat(inOrder.lastErrorAt()).contains(T.plusSeconds(5));
    }

    @Test
    void onlyAFailedStatusBringsAnErrorAndAStatusWithNothingAddsNothing() {
        DeliveryReport report = DeliveryReport.empty(CENTER, MESSAGE)
                .merge(status("delivered", 1, error(131047), Optional.empty(), Optional.empty()))
                .merge(status("read", 2, Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(report.isEmpty()).isTrue();
    }
}
