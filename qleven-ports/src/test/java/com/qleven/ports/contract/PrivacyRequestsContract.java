package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static com.qleven.ports.contract.ContractFixtures.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.privacy.PrivacyRequestId;
import com.qleven.domain.privacy.PrivacyRequestType;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.ports.privacy.out.PrivacyRequestFilter;
import com.qleven.ports.privacy.out.StoredPrivacyRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@code PrivacyRequests} implementation promises: requests come back byte for byte,
 * only in their center; an update happens only at the expected version; lists page oldest received
 * first and filter on completion and the due time in force, bounds as {@link PrivacyRequestFilter}
 * says; a center with requests is listed among the centers.
 */
public abstract class PrivacyRequestsContract {

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private <T> T in(TenantId tenant, Supplier<T> work) {
        return store().shared().transactions().inTenant(tenant, work);
    }

    private TenantId center() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        return tenant;
    }

    private static StoredPrivacyRequest request(TenantId tenant, Instant receivedAt) {
        return new StoredPrivacyRequest(new PrivacyRequestId(UUID.randomUUID()), tenant,
                new ClientId(UUID.randomUUID()), PrivacyRequestType.ERASURE, randomBytes(60), newUser(), receivedAt,
                receivedAt.plus(Duration.ofDays(30)), 0, null, Optional.empty(), Optional.empty(), null, 1);
    }

    private static StoredPrivacyRequest completed(StoredPrivacyRequest r, Instant at) {
        return new StoredPrivacyRequest(r.id(), r.tenant(), r.client(), r.type(), r.note(), r.receivedBy(),
                r.receivedAt(), r.dueAt(), r.extensionMonths(), r.extensionReason(), Optional.of(newUser()),
                Optional.of(at), randomBytes(33), r.version() + 1);
    }

    private void add(StoredPrivacyRequest r) {
        in(r.tenant(), () -> {
            store().privacy().privacyRequests().add(r);
            return null;
        });
    }

    private List<StoredPrivacyRequest> all(TenantId tenant, PrivacyRequestFilter filter) {
        List<StoredPrivacyRequest> found = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            PageRequest page = new PageRequest(2, cursor);
            Page<StoredPrivacyRequest> p = in(tenant, () -> store().privacy().privacyRequests().list(tenant, filter,
                    page));
            found.addAll(p.items());
            cursor = p.next();
        } while (cursor.isPresent());
        return found;
    }

    private static List<PrivacyRequestId> ids(List<StoredPrivacyRequest> requests) {
        return requests.stream().map(StoredPrivacyRequest::id).toList();
    }

    @Test
    void aRequestComesBackByteForByteOnlyInItsCenter() {
        TenantId tenant = center();
        TenantId other = center();
        StoredPrivacyRequest r = request(tenant, T0);
        add(r);

        StoredPrivacyRequest back = in(tenant, () -> store().privacy().privacyRequests().byId(tenant,
                r.id())).orElseThrow();
        assertThat(back).usingRecursiveComparison().isEqualTo(r);
        assertThat(in(other, () -> store().privacy().privacyRequests().byId(tenant, r.id()))).isEmpty();
        assertThat(in(other, () -> store().privacy().privacyRequests().byId(other, r.id()))).isEmpty();
    }

    @Test
    void anUpdateHappensOnlyAtTheExpectedVersionAndOnlyInTheCenter() {
        TenantId tenant = center();
        TenantId other = center();
        StoredPrivacyRequest r = request(tenant, T0);
        add(r);
        StoredPrivacyRequest done = completed(r, T0.plus(Duration.ofDays(3)));

        assertThat(in(tenant, () -> store().privacy().privacyRequests().update(done, 7))).isFalse();
        assertThat(in(other, () -> store().privacy().privacyRequests().update(done, 1))).isFalse();
        assertThat(in(tenant, () -> store().privacy().privacyRequests().byId(tenant, r.id())).orElseThrow().version())
                .isEqualTo(1);
        assertThat(in(tenant, () -> store().privacy().privacyRequests().update(done, 1))).isTrue();
        assertThat(in(tenant, () -> store().privacy().privacyRequests().byId(tenant, r.id())).orElseThrow())
                .usingRecursiveComparison().isEqualTo(done);
    }

    @Test
    void listsPageOldestFirstAndFilterByCompletionAndDueWindow() {
        TenantId tenant = center();
        TenantId other = center();
        StoredPrivacyRequest early = request(tenant, T0);
        StoredPrivacyRequest middle = request(tenant, T0.plus(Duration.ofDays(10)));
        StoredPrivacyRequest late = request(tenant, T0.plus(Duration.ofDays(20)));
        StoredPrivacyRequest answered = request(tenant, T0.plus(Duration.ofDays(5)));
        add(late);
        add(early);
        add(answered);
        add(middle);
        add(request(other, T0));
        in(tenant, () -> store().privacy().privacyRequests().update(completed(answered, T0.plus(Duration.ofDays(6))),
                1));

        assertThat(ids(all(tenant, PrivacyRequestFilter.ALL)))
                .containsExactly(early.id(), answered.id(), middle.id(), late.id());
        assertThat(ids(all(tenant, new PrivacyRequestFilter(true, Optional.empty(), Optional.empty()))))
                .containsExactly(early.id(), middle.id(), late.id());
        // Inclusive lower bound, exclusive upper bound, on the due time.
        assertThat(ids(all(tenant, new PrivacyRequestFilter(true, Optional.of(middle.dueAt()),
                Optional.of(late.dueAt()))))).containsExactly(middle.id());
        assertThat(ids(all(tenant, new PrivacyRequestFilter(true, Optional.empty(), Optional.of(middle.dueAt())))))
                .containsExactly(early.id());
        assertThat(in(tenant, () -> store().privacy().privacyRequests().count(tenant,
                new PrivacyRequestFilter(true, Optional.of(middle.dueAt()), Optional.empty())))).isEqualTo(2);
        assertThat(in(tenant, () -> store().privacy().privacyRequests().count(tenant,
                PrivacyRequestFilter.ALL))).isEqualTo(4);
        assertThat(in(other, () -> store().privacy().privacyRequests().count(tenant,
                PrivacyRequestFilter.ALL))).isZero();
    }

    @Test
    void aCenterWithRequestsIsListedOnceAmongTheCenters() {
        TenantId tenant = center();
        TenantId without = center();
        add(request(tenant, T0));
        add(request(tenant, T0.plusSeconds(1)));

        List<TenantId> centers = store().shared().transactions().global(() -> store().privacy().privacyRequests()
                .centers());
        assertThat(centers).containsOnlyOnce(tenant).doesNotContain(without);
    }

    @Test
    void aCursorThatNoListReturnedIsRefused() {
        TenantId tenant = center();
        assertThatThrownBy(() -> in(tenant, () -> store().privacy().privacyRequests().list(tenant,
                PrivacyRequestFilter.ALL,
                new PageRequest(2, Optional.of("not-a-cursor")))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("cursor");
    }

    @Test
    void aClientsRequestsAreFoundOldestFirstAndOnlyInTheCenter() {
        TenantId tenant = center();
        TenantId other = center();
        StoredPrivacyRequest first = request(tenant, T0);
        StoredPrivacyRequest second = new StoredPrivacyRequest(new PrivacyRequestId(UUID.randomUUID()), tenant,
                first.client(), PrivacyRequestType.OBJECTION, null, newUser(), T0.plusSeconds(5),
                T0.plusSeconds(5).plus(Duration.ofDays(30)), 0, null, Optional.empty(), Optional.empty(), null, 1);
        StoredPrivacyRequest unrelated = request(tenant, T0.plusSeconds(1));
        add(second);
        add(first);
        add(unrelated);

        assertThat(ids(in(tenant, () -> store().privacy().privacyRequests().ofClient(tenant, first.client()))))
                .containsExactly(first.id(), second.id());
        assertThat(in(other, () -> store().privacy().privacyRequests().ofClient(tenant, first.client()))).isEmpty();
    }

    @Test
    void anObjectionsSuppressionIsNotedOnceAndOnlyInTheCenter() {
        TenantId tenant = center();
        TenantId other = center();
        StoredPrivacyRequest r = request(tenant, T0);
        add(r);
        assertThat(in(tenant, () -> store().privacy().privacyRequests().suppressedAt(tenant, r.id()))).isEmpty();

        in(tenant, () -> {
            store().privacy().privacyRequests().noteSuppressed(tenant, r.id(), T0.plusSeconds(1));
            store().privacy().privacyRequests().noteSuppressed(tenant, r.id(), T0.plusSeconds(2));
            return null;
        });

        assertThat(in(tenant, () -> store().privacy().privacyRequests().suppressedAt(tenant, r.id())))
                .contains(T0.plusSeconds(1));
        assertThat(in(other, () -> store().privacy().privacyRequests().suppressedAt(tenant, r.id()))).isEmpty();
        assertThat(in(tenant, () -> store().privacy().privacyRequests().byId(tenant, r.id()))).get()
                .usingRecursiveComparison().as("the request itself is unchanged").isEqualTo(r);
    }
}
