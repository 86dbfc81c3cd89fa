package com.qleven.application.audit;

import com.qleven.domain.audit.AuditCanonical;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.ports.audit.out.AuditLog;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.Transactions;
import java.util.List;
import java.util.Objects;

/**
 * The audit trail as HMAC chains, one per center and one for the platform. Recording an event
 * appends it unsealed in the caller's unit of work (or a short one of its own when none is open),
 * so it commits with the work or not at all; it takes no lock that the center's other requests
 * take. The sealer ({@link SealAuditTrailService}) links it into the chain shortly after it
 * commits.
 */
public final class ChainedAuditTrail implements AuditTrail {
    private final Transactions transactions;
    private final AuditLog log;
    private final SecurityWatch watch;

    public ChainedAuditTrail(Transactions transactions, AuditLog log, SecurityWatch watch) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.log = Objects.requireNonNull(log, "log");
        this.watch = Objects.requireNonNull(watch, "watch");
    }

    @Override
    public void record(AuditEvent event) {
        recordAll(List.of(Objects.requireNonNull(event, "event")));
    }

    /**
     * Appends the events in one write per chain, in the order given, each in its chain's unit of
     * work (the caller's when it is open), and shows each to the security watch.
     */
    @Override
    public void recordAll(List<AuditEvent> events) {
        Objects.requireNonNull(events, "events");
        if (events.isEmpty()) {
            return;
        }
        List<AuditEvent> stored = events.stream().map(ChainedAuditTrail::stored).toList();
        // Consecutive events of one chain go together; a batch is usually one page of one center.
        int from = 0;
        for (int i = 1; i <= stored.size(); i++) {
            if (i == stored.size() || !stored.get(i).tenant().equals(stored.get(from).tenant())) {
                List<AuditEvent> batch = stored.subList(from, i);
                Runnable append = () -> log.appendAll(batch);
                if (batch.get(0).tenant().isPresent()) {
                    transactions.inTenant(batch.get(0).tenant().get(), append);
                } else {
                    transactions.global(append);
                }
                from = i;
            }
        }
        stored.forEach(watch::recorded);
    }

    private static AuditEvent stored(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        if (AuditCanonical.reserved(event.action())) {
            throw new IllegalArgumentException(event.action() + " is reserved");
        }
        // The hash covers the instant as the store keeps it, so the entry verifies when read back.
        return new AuditEvent(event.tenant(), event.actor(), event.session(), event.action(),
                event.subjectType(), event.subjectId(), event.purpose(), event.rowCount(),
                AuditCanonical.micros(event.at()));
    }
}
