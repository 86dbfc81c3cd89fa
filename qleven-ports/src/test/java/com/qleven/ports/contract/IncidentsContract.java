package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.account;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.privacy.IncidentCategory;
import com.qleven.domain.privacy.IncidentId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.privacy.out.StoredIncident;
import com.qleven.ports.privacy.out.StoredNotification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@code Incidents} and {@code CenterNotifications} implementation promises. Sealed
 * fields are opaque bytes to a store: they come back byte for byte, compared by content.
 */
public abstract class IncidentsContract {

    protected abstract QlevenStore store();

    private UserId operator() {
        UserId id = newUser();
        store().shared().transactions().global(() -> store().tenancy().accounts().add(account(id)));
        return id;
    }

    private TenantId center() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        return tenant;
    }

    private static byte[] sealed(String text) {
        return ("sealed:" + text).getBytes(StandardCharsets.UTF_8);
    }

    private StoredIncident incident(Instant detectedAt, List<TenantId> centers, UserId by) {
        return new StoredIncident(new IncidentId(UUID.randomUUID()), detectedAt, sealed("a backup was readable"),
                Set.of(IncidentCategory.CONTACT, IncidentCategory.HEALTH), centers, by, detectedAt.plusSeconds(600));
    }

    private void add(StoredIncident incident) {
        store().shared().transactions().global(() -> store().privacy().incidents().add(incident));
    }

    private Page<StoredIncident> affecting(TenantId center, PageRequest page) {
        return store().shared().transactions().inTenant(center,
                () -> store().privacy().incidents().listAffecting(center, page));
    }

    @Test
    public void an_incident_comes_back_whole_from_a_global_and_from_a_centers_unit() {
        TenantId a = center();
        TenantId b = center();
        StoredIncident added = incident(T0, List.of(a, b), operator());
        add(added);

        assertThat(store().shared().transactions().global(() -> store().privacy().incidents().byId(added.id()))).get()
                .usingRecursiveComparison().isEqualTo(added);
        assertThat(affecting(a, PageRequest.first()).items()).usingRecursiveFieldByFieldElementComparator()
                .containsExactly(added);
        assertThat(store().shared().transactions().global(() -> store().privacy().incidents()
                .byId(new IncidentId(UUID.randomUUID()))))
                .isEmpty();
    }

    @Test
    public void a_center_lists_only_the_incidents_naming_it_newest_detection_first_a_page_at_a_time() {
        TenantId a = center();
        TenantId b = center();
        UserId by = operator();
        List<StoredIncident> ofA = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            StoredIncident incident = incident(T0.plus(Duration.ofHours(i)), List.of(a), by);
            add(incident);
            ofA.add(0, incident);
        }
        add(incident(T0.plus(Duration.ofHours(2)), List.of(b), by));

        Page<StoredIncident> first = affecting(a, new PageRequest(2, Optional.empty()));
        Page<StoredIncident> second = affecting(a, new PageRequest(2, first.next()));
        Page<StoredIncident> third = affecting(a, new PageRequest(2, second.next()));

        assertThat(first.items()).extracting(StoredIncident::id)
                .containsExactlyElementsOf(ofA.subList(0, 2).stream().map(StoredIncident::id).toList());
        assertThat(second.items()).extracting(StoredIncident::id)
                .containsExactlyElementsOf(ofA.subList(2, 4).stream().map(StoredIncident::id).toList());
        assertThat(third.items()).extracting(StoredIncident::id)
                .containsExactlyElementsOf(ofA.subList(4, 5).stream().map(StoredIncident::id).toList());
        assertThat(third.next()).isEmpty();
        assertThat(affecting(b, PageRequest.first()).items()).hasSize(1).allMatch(i -> i.centers().equals(List.of(b)));
    }

    @Test
    public void the_whole_register_lists_every_incident_of_every_center() {
        TenantId a = center();
        TenantId b = center();
        UserId by = operator();
        StoredIncident ofA = incident(T0, List.of(a), by);
        StoredIncident ofB = incident(T0, List.of(b), by);
        add(ofA);
        add(ofB);

        List<StoredIncident> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Optional<String> after = cursor;
            Page<StoredIncident> page = store().shared().transactions().global(
                    () -> store().privacy().incidents().list(new PageRequest(PageRequest.MAX_LIMIT, after)));
            all.addAll(page.items());
            cursor = page.next();
        } while (cursor.isPresent());

        assertThat(all).extracting(StoredIncident::id).contains(ofA.id(), ofB.id());
    }

    @Test
    public void an_incident_is_recorded_once() {
        StoredIncident added = incident(T0, List.of(center()), operator());
        add(added);

        assertThatThrownBy(() -> add(added)).isInstanceOf(RuntimeException.class);
    }

    private StoredNotification notice(TenantId tenant, UUID subject, Instant at) {
        return new StoredNotification(tenant, UUID.randomUUID(), "incident", subject, sealed("Incident"),
                sealed("What happened"), at);
    }

    @Test
    public void a_centers_notifications_are_its_own_newest_first_and_tell_when_a_subject_was_notified() {
        TenantId a = center();
        TenantId b = center();
        UUID subject = UUID.randomUUID();
        StoredNotification older = notice(a, subject, T0);
        StoredNotification newer = notice(a, UUID.randomUUID(), T0.plusSeconds(5));
        StoredNotification again = notice(a, subject, T0.plusSeconds(9));
        store().shared().transactions().inTenant(a, () -> {
            store().privacy().centerNotifications().add(older);
            store().privacy().centerNotifications().add(newer);
            store().privacy().centerNotifications().add(again);
        });

        Page<StoredNotification> first = store().shared().transactions().inTenant(a,
                () -> store().privacy().centerNotifications().list(a, new PageRequest(2, Optional.empty())));
        Page<StoredNotification> second = store().shared().transactions().inTenant(a,
                () -> store().privacy().centerNotifications().list(a, new PageRequest(2, first.next())));

        assertThat(first.items()).usingRecursiveFieldByFieldElementComparator().containsExactly(again, newer);
        assertThat(second.items()).usingRecursiveFieldByFieldElementComparator().containsExactly(older);
        assertThat(store().shared().transactions().inTenant(a,
                () -> store().privacy().centerNotifications().sentAt(a, "incident", subject))).contains(T0);
        assertThat(store().shared().transactions().inTenant(b,
                () -> store().privacy().centerNotifications().list(a, PageRequest.first())).items()).isEmpty();
        assertThat(store().shared().transactions().inTenant(b,
                () -> store().privacy().centerNotifications().sentAt(a, "incident", subject))).isEmpty();
    }

    @Test
    public void a_notification_cannot_be_written_into_another_centers_rows() {
        TenantId a = center();
        TenantId b = center();

        assertThatThrownBy(() -> store().shared().transactions().inTenant(b,
                () -> store().privacy().centerNotifications().add(notice(a, UUID.randomUUID(), T0))))
                .isInstanceOf(RuntimeException.class);
        assertThat(store().shared().transactions().inTenant(a,
                () -> store().privacy().centerNotifications().list(a, PageRequest.first())).items()).isEmpty();
    }

    @Test
    public void a_notification_rolls_back_with_its_unit_of_work() {
        TenantId a = center();

        assertThatThrownBy(() -> store().shared().transactions().inTenant(a, () -> {
            store().privacy().centerNotifications().add(notice(a, UUID.randomUUID(), T0));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(store().shared().transactions().inTenant(a,
                () -> store().privacy().centerNotifications().list(a, PageRequest.first())).items()).isEmpty();
    }
}
