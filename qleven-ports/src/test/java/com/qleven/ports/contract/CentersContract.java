package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.center;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Center;
import com.qleven.domain.tenancy.CenterProfile;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** What every {@code Centers} implementation promises. */
public abstract class CentersContract {

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    @Test
    public void an_added_center_is_found_in_its_own_unit_of_work() {
        QlevenStore s = store();
        TenantId tenant = newTenant();
        Center center = center(tenant);

        s.shared().transactions().inTenant(tenant, () -> s.tenancy().centers().add(center));

        assertThat(s.shared().transactions().inTenant(tenant,
                () -> s.tenancy().centers().byId(tenant))).contains(center);
    }

    @Test
    public void every_field_of_the_profile_comes_back() {
        QlevenStore s = store();
        TenantId tenant = newTenant();
        Center center = new Center(tenant, new CenterProfile("Centre Esthétique Anfa", "12 Bd d'Anfa, Casablanca",
                "MA-001122334", "MA", ZoneId.of("Africa/Casablanca"), Currency.getInstance("MAD")),
                ContractFixtures.T0);

        s.shared().transactions().inTenant(tenant, () -> s.tenancy().centers().add(center));

        assertThat(s.shared().transactions().inTenant(tenant,
                () -> s.tenancy().centers().byId(tenant))).contains(center);
    }

    @Test
    public void an_unknown_center_is_not_found() {
        TenantId tenant = newTenant();

        assertThat(store().shared().transactions().inTenant(tenant,
                () -> store().tenancy().centers().byId(tenant))).isEmpty();
    }

    @Test
    public void another_centers_unit_of_work_does_not_find_it() {
        QlevenStore s = store();
        TenantId a = newTenant();
        TenantId b = newTenant();
        s.shared().transactions().inTenant(a, () -> s.tenancy().centers().add(center(a)));
        s.shared().transactions().inTenant(b, () -> s.tenancy().centers().add(center(b)));

        assertThat(s.shared().transactions().inTenant(b, () -> s.tenancy().centers().byId(a))).isEmpty();
    }
}
