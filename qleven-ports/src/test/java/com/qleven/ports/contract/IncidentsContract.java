package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.account;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.privacy.CenterNotification;
import com.qleven.domain.privacy.Incident;
import com.qleven.domain.privacy.IncidentCategory;
import com.qleven.domain.privacy.IncidentId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@code Incidents} and {@code CenterNotifications} implementation promises. */
public abstract class IncidentsContract {

    protected abstract QlevenStore store();

    private UserId operator() {
        UserId id = newUser();
        store().transactions().global(() -> store().accounts().add(account(id)));
        return id;
    }

    private TenantId center() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        return tenant;
    }

    private Incident incident(Instant detectedAt, List<TenantId> centers, UserId by) {
        return new Incident(new IncidentId(UUID.randomUUID()), detectedAt, "a backup was readable by anyone",
                Set.of(IncidentCategory.CONTACT, IncidentCategory.HEALTH), centers, by, detectedAt.plusSeconds(600));
    }

    private void add(Incident incident) {
        store().transactions().global(() -> store().incidents().add(incident));
    }

    private Page<Incident> affecting(TenantId center, PageRequest page) {
        return store().transactions().inTenant(center, () -> store().incidents().listAffecting(center, page));
    }

    @Test
    public void an_incident_comes_back_whole_from_a_global_and_from_a_centers_unit() {
        TenantId a = center();
        TenantId b = center();
        Incident added = incident(T0, List.of(a, b), operator());
        add(added);

        assertThat(store().transactions().global(() -> store().incidents().byId(added.id()))).contains(added);
        assertThat(affecting(a, PageRequest.first()).items()).containsExactly(added);
        assertThat(store().transactions().global(() -> store().incidents().byId(new IncidentId(UUID.randomUUID()))))
                .isEmpty();
    }

    @Test
    public void a_center_lists_only_the_incidents_naming_it_newest_detection_first_a_page_at_a_time() {
        TenantId a = center();
        TenantId b = center();
        UserId by = operator();
        List<Incident> ofA = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Incident incident = incident(T0.plus(Duration.ofHours(i)), List.of(a), by);
            add(incident);
            ofA.add(0, incident);
        }
        add(incident(T0.plus(Duration.ofHours(2)), List.of(b), by));

        Page<Incident> first = affecting(a, new PageRequest(2, Optional.empty()));
        Page<Incident> second = affecting(a, new PageRequest(2, first.next()));
        Page<Incident> third = affecting(a, new PageRequest(2, second.next()));

        assertThat(first.items()).containsExactlyElementsOf(ofA.subList(0, 2));
        assertThat(second.items()).containsExactlyElementsOf(ofA.subList(2, 4));
        assertThat(third.items()).containsExactlyElementsOf(ofA.subList(4, 5));
        assertThat(third.next()).isEmpty();
        assertThat(affecting(b, PageRequest.first()).items()).hasSize(1).allMatch(i -> i.centers().equals(List.of(b)));
    }

    @Test
    public void the_whole_register_lists_every_incident_of_every_center() {
        TenantId a = center();
        TenantId b = center();
        UserId by = operator();
        Incident ofA = incident(T0, List.of(a), by);
        Incident ofB = incident(T0, List.of(b), by);
        add(ofA);
        add(ofB);

        List<Incident> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Optional<String> after = cursor;
            Page<Incident> page = store().transactions().global(
                    () -> store().incidents().list(new PageRequest(PageRequest.MAX_LIMIT, after)));
            all.addAll(page.items());
            cursor = page.next();
        } while (cursor.isPresent());

        assertThat(all).contains(ofA, ofB);
    }

    @Test
    public void an_incident_is_recorded_once() {
        Incident added = incident(T0, List.of(center()), operator());
        add(added);

        assertThatThrownBy(() -> add(added)).isInstanceOf(RuntimeException.class);
    }

    private CenterNotification notice(TenantId tenant, UUID subject, Instant at) {
        return new CenterNotification(tenant, UUID.randomUUID(), "incident", subject, "Incident", "What happened", at);
    }

    @Test
    public void a_centers_notifications_are_its_own_newest_first_and_tell_when_a_subject_was_notified() {
        TenantId a = center();
        TenantId b = center();
        UUID subject = UUID.randomUUID();
        CenterNotification older = notice(a, subject, T0);
        CenterNotification newer = notice(a, UUID.randomUUID(), T0.plusSeconds(5));
        CenterNotification again = notice(a, subject, T0.plusSeconds(9));
        store().transactions().inTenant(a, () -> {
            store().centerNotifications().add(older);
            store().centerNotifications().add(newer);
            store().centerNotifications().add(again);
        });

        Page<CenterNotification> first = store().transactions().inTenant(a,
                () -> store().centerNotifications().list(a, new PageRequest(2, Optional.empty())));
        Page<CenterNotification> second = store().transactions().inTenant(a,
                () -> store().centerNotifications().list(a, new PageRequest(2, first.next())));

        assertThat(first.items()).containsExactly(again, newer);
        assertThat(second.items()).containsExactly(older);
        assertThat(store().transactions().inTenant(a,
                () -> store().centerNotifications().sentAt(a, "incident", subject))).contains(T0);
        assertThat(store().transactions().inTenant(b,
                () -> store().centerNotifications().list(a, PageRequest.first())).items()).isEmpty();
        assertThat(store().transactions().inTenant(b,
                () -> store().centerNotifications().sentAt(a, "incident", subject))).isEmpty();
    }

    @Test
    public void a_notification_cannot_be_written_into_another_centers_rows() {
        TenantId a = center();
        TenantId b = center();

        assertThatThrownBy(() -> store().transactions().inTenant(b,
                () -> store().centerNotifications().add(notice(a, UUID.randomUUID(), T0))))
                .isInstanceOf(RuntimeException.class);
        assertThat(store().transactions().inTenant(a,
                () -> store().centerNotifications().list(a, PageRequest.first())).items()).isEmpty();
    }

    @Test
    public void a_notification_rolls_back_with_its_unit_of_work() {
        TenantId a = center();

        assertThatThrownBy(() -> store().transactions().inTenant(a, () -> {
            store().centerNotifications().add(notice(a, UUID.randomUUID(), T0));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(store().transactions().inTenant(a,
                () -> store().centerNotifications().list(a, PageRequest.first())).items()).isEmpty();
    }
}
