package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.addMember;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Membership;
import com.qleven.domain.tenancy.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@code Memberships} implementation promises. Lists run oldest first; memberships
 * created at the same instant follow their account ids in the order of the ids' canonical text
 * (which is PostgreSQL's uuid order, and not {@link java.util.UUID#compareTo}'s, which compares
 * signed numbers).
 */
public abstract class MembershipsContract {
    /** The order lists promise. */
    public static final Comparator<Membership> LIST_ORDER = Comparator.comparing(Membership::createdAt)
            .thenComparing(m -> m.userId().value().toString());

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private Page<Membership> list(TenantId tenant, PageRequest request) {
        return store().shared().transactions().inTenant(tenant, () -> store().tenancy().memberships().list(tenant,
                request));
    }

    @Test
    public void an_added_membership_is_found_with_its_role() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        Membership professional = addMember(store(), tenant, newUser(), Role.PROFESSIONAL, T0);
        Membership receptionist = addMember(store(), tenant, newUser(), Role.RECEPTIONIST, T0);
        Membership administrator = addMember(store(), tenant, newUser(), Role.ADMINISTRATOR, T0);

        store().shared().transactions().inTenant(tenant, () -> {
            assertThat(store().tenancy().memberships().find(tenant, professional.userId())).contains(professional);
            assertThat(store().tenancy().memberships().find(tenant, receptionist.userId())).contains(receptionist);
            assertThat(store().tenancy().memberships().find(tenant, administrator.userId())).contains(administrator);
        });
    }

    @Test
    public void an_account_that_is_not_a_member_is_not_found() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);

        assertThat(store().shared().transactions().inTenant(tenant,
                () -> store().tenancy().memberships().find(tenant, newUser()))).isEmpty();
    }

    @Test
    public void another_centers_unit_of_work_sees_none_of_its_memberships() {
        TenantId a = newTenant();
        TenantId b = newTenant();
        addCenter(store(), a);
        addCenter(store(), b);
        Membership member = addMember(store(), a, newUser(), Role.ADMINISTRATOR, T0);

        store().shared().transactions().inTenant(b, () -> {
            assertThat(store().tenancy().memberships().find(a, member.userId())).isEmpty();
            assertThat(store().tenancy().memberships().list(a, PageRequest.first()).items()).isEmpty();
        });
    }

    @Test
    public void a_list_holds_only_its_centers_memberships() {
        TenantId a = newTenant();
        TenantId b = newTenant();
        addCenter(store(), a);
        addCenter(store(), b);
        UserId both = newUser();
        Membership inA = addMember(store(), a, both, Role.ADMINISTRATOR, T0);
        addMember(store(), b, both, Role.RECEPTIONIST, T0);
        addMember(store(), b, newUser(), Role.PROFESSIONAL, T0);

        assertThat(list(a, PageRequest.first()).items()).containsExactly(inA);
    }

    @Test
    public void lists_page_in_creation_then_account_order_with_a_working_cursor() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        List<Membership> added = new ArrayList<>();
        // Added out of order, with three created at the same instant.
        added.add(addMember(store(), tenant, newUser(), Role.PROFESSIONAL, T0.plus(Duration.ofMinutes(2))));
        added.add(addMember(store(), tenant, newUser(), Role.ADMINISTRATOR, T0));
        for (int i = 0; i < 3; i++) {
            added.add(addMember(store(), tenant, newUser(), Role.RECEPTIONIST, T0.plus(Duration.ofMinutes(1))));
        }
        List<Membership> expected = added.stream().sorted(LIST_ORDER).toList();

        Page<Membership> first = list(tenant, new PageRequest(2, Optional.empty()));
        Page<Membership> second = list(tenant, new PageRequest(2, first.next()));
        Page<Membership> third = list(tenant, new PageRequest(2, second.next()));

        assertThat(first.items()).containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(first.next()).isPresent();
        assertThat(second.items()).containsExactlyElementsOf(expected.subList(2, 4));
        assertThat(second.next()).isPresent();
        assertThat(third.items()).containsExactlyElementsOf(expected.subList(4, 5));
        assertThat(third.next()).isEmpty();
    }

    @Test
    public void a_page_that_ends_with_the_last_membership_has_no_next() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        for (int i = 0; i < 3; i++) {
            addMember(store(), tenant, newUser(), Role.RECEPTIONIST, T0.plusSeconds(i));
        }

        Page<Membership> page = list(tenant, new PageRequest(3, Optional.empty()));

        assertThat(page.items()).hasSize(3);
        assertThat(page.next()).isEmpty();
    }

    @Test
    public void a_center_without_memberships_lists_an_empty_last_page() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);

        Page<Membership> page = list(tenant, PageRequest.first());

        assertThat(page.items()).isEmpty();
        assertThat(page.next()).isEmpty();
    }

    @Test
    public void a_malformed_cursor_is_a_validation_error_on_the_cursor() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);

        assertThatThrownBy(() -> list(tenant, new PageRequest(10, Optional.of("not a cursor"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("cursor");
                            assertThat(error.message()).isEqualTo("is not a cursor this list returned");
                        }));
    }
}
