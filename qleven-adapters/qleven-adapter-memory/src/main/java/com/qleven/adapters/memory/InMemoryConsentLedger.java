package com.qleven.adapters.memory;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentEntryId;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.consent.out.ConsentLedger;
import com.qleven.ports.consent.out.StoredConsent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The consent ledger in memory: entries in the order they were appended, visible and writable only
 * in their center's unit, each naming a client of that center (as PostgreSQL's foreign key does).
 */
final class InMemoryConsentLedger implements ConsentLedger {
    /** An entry and its place in the append order, which breaks ties between equal recorded times. */
    private record Row(StoredConsent entry, long position) {
    }

    private static final Comparator<Row> ORDER = Comparator.comparing((Row r) -> r.entry().recordedAt())
            .thenComparingLong(Row::position);

    private final InMemoryTransactions tx;
    private final Clients clients;
    private final List<Row> rows = new ArrayList<>();
    private long appended;

    InMemoryConsentLedger(InMemoryTransactions tx, Clients clients) {
        this.tx = tx;
        this.clients = clients;
    }

    @Override
    public void append(StoredConsent entry) {
        tx.within(() -> {
            tx.checkWrite(entry.tenant());
            if (clients.byId(entry.tenant(), entry.client()).isEmpty()) {
                throw new IllegalStateException("a consent entry needs a client of its center");
            }
            if (rows.stream().anyMatch(r -> r.entry().tenant().equals(entry.tenant())
                    && r.entry().id().equals(entry.id()))) {
                throw new IllegalStateException("consent entry " + entry.id() + " exists");
            }
            Row row = new Row(copy(entry, entry.proof()), ++appended);
            rows.add(row);
            tx.onRollback(() -> rows.remove(row));
        });
    }

    @Override
    public List<StoredConsent> history(TenantId tenant, ClientId client) {
        return tx.within(() -> of(tenant, client).map(r -> copy(r.entry(), r.entry().proof())).toList());
    }

    @Override
    public Optional<StoredConsent> latest(TenantId tenant, ClientId client, ConsentPurpose purpose, Instant at) {
        return tx.within(() -> of(tenant, client)
                .filter(r -> r.entry().purpose().equals(purpose) && !r.entry().recordedAt().isAfter(at))
                .reduce((first, second) -> second)
                .map(r -> copy(r.entry(), r.entry().proof())));
    }

    @Override
    public int eraseProofs(TenantId tenant, ClientId client) {
        return tx.within(() -> {
            // As an UPDATE under row-level security: another center's rows are not there to change.
            List<Row> withProof = of(tenant, client).filter(r -> r.entry().proof() != null).toList();
            for (Row row : withProof) {
                int index = rows.indexOf(row);
                Row blank = new Row(copy(row.entry(), null), row.position());
                rows.set(index, blank);
                tx.onRollback(() -> rows.set(rows.indexOf(blank), row));
            }
            return withProof.size();
        });
    }

    private java.util.stream.Stream<Row> of(TenantId tenant, ClientId client) {
        return rows.stream()
                .filter(r -> r.entry().tenant().equals(tenant) && r.entry().client().equals(client)
                        && tx.visible(r.entry().tenant()))
                .sorted(ORDER);
    }

    /** A copy whose proof bytes the caller cannot change under the store. */
    private static StoredConsent copy(StoredConsent e, byte[] proof) {
        return new StoredConsent(new ConsentEntryId(e.id().value()), e.tenant(), e.client(), e.purpose(),
                e.decision(), e.channel(), e.notice(), proof == null ? null : proof.clone(), e.recordedBy(),
                e.recordedAt(), e.ageVerified());
    }
}
