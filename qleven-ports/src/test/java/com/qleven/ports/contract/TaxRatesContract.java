package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.billing.TaxRate;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.billing.out.StoredTaxRate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@code TaxRates} promises: rates per center by code, exact, retired but never lost. */
public abstract class TaxRatesContract {

    protected abstract QlevenStore store();

    @Test
    void seededRatesAreReadBackExactlyRetiredOnesOnlyOnRequest() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        addCenter(store(), tenant);
        addCenter(store(), other);
        var rates = store().billing().taxRates();
        store().shared().transactions().inTenant(tenant, () ->
                com.qleven.domain.billing.TaxRates.seedFor("ES").forEach(r -> rates.add(tenant, r, T0)));
        TaxRate reduced = TaxRate.parse("5.5", "TVA réduite", "5.5", false, null);
        store().shared().transactions().inTenant(tenant, () -> rates.add(tenant, reduced, T0));

        assertThat(store().shared().transactions().inTenant(tenant, () -> rates.list(tenant, false)))
                .extracting(StoredTaxRate::rate)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(
                        com.qleven.domain.billing.TaxRates.seedFor("ES").stream(),
                        java.util.stream.Stream.of(reduced)).toList());
        assertThat(store().shared().transactions().inTenant(tenant, () -> rates.byCode(tenant, "5.5"))
                .orElseThrow().rate().rateText()).isEqualTo("5.5");
        assertThat(store().shared().transactions().inTenant(other, () -> rates.list(tenant, true))).isEmpty();
        assertThatThrownBy(() -> store().shared().transactions().inTenant(tenant, () -> rates.add(tenant, reduced, T0)))
                .isInstanceOf(ConflictException.class);

        assertThat(store().shared().transactions().inTenant(tenant, () -> rates.retire(tenant, "10", T0))).isTrue();
        assertThat(store().shared().transactions().inTenant(tenant, () -> rates.retire(tenant, "10", T0))).isFalse();
        assertThat(store().shared().transactions().inTenant(tenant, () -> rates.list(tenant, false)))
                .extracting(r -> r.rate().code()).doesNotContain("10");
        assertThat(store().shared().transactions().inTenant(tenant, () -> rates.byCode(tenant, "10"))
                .orElseThrow().retiredAt()).isEqualTo(Optional.of(T0));
        assertThat(store().shared().transactions().inTenant(tenant, () -> rates.list(tenant, true))).hasSize(5);
    }

    @Test
    void addingTheMissingRatesLeavesTheOnesTheCenterHasAsTheyAre() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        var rates = store().billing().taxRates();
        var spain = com.qleven.domain.billing.TaxRates.seedFor("ES");
        store().shared().transactions().inTenant(tenant, () -> {
            rates.add(tenant, spain.get(0), T0);
            return rates.retire(tenant, spain.get(0).code(), T0);
        });
        store().shared().transactions().inTenant(tenant, () -> {
            rates.addMissing(tenant, spain, T0.plusSeconds(60));
            return null;
        });
        store().shared().transactions().inTenant(tenant, () -> {
            rates.addMissing(tenant, spain, T0.plusSeconds(120));
            return null;
        });

        var all = store().shared().transactions().inTenant(tenant, () -> rates.list(tenant, true));
        assertThat(all).extracting(StoredTaxRate::rate).containsExactlyInAnyOrderElementsOf(spain);
        // The one it had stays retired, with its own time; the others came with the first call.
        assertThat(all).filteredOn(r -> r.rate().code().equals(spain.get(0).code())).singleElement()
                .satisfies(r -> assertThat(r.retiredAt()).contains(T0));
        assertThat(all).filteredOn(r -> !r.rate().code().equals(spain.get(0).code()))
                .allSatisfy(r -> assertThat(r.createdAt()).isEqualTo(T0.plusSeconds(60)));
    }
}
