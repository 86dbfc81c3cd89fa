package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.consent.CenterPurpose;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

/** What every {@code ConsentPurposes} implementation promises: purposes per center, one per code. */
public abstract class ConsentPurposesContract {

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private TenantId center() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        return tenant;
    }

    private static CenterPurpose purpose(TenantId tenant, String code, boolean marketing) {
        return new CenterPurpose(tenant, new ConsentPurpose(code), "About " + code, marketing, T0);
    }

    private boolean add(CenterPurpose purpose) {
        return store().shared().transactions().inTenant(purpose.tenant(),
                () -> store().consent().consentPurposes().add(purpose));
    }

    @Test
    void aPurposeIsFoundOnlyInItsCenterListedByCodeAndAddedOnce() {
        TenantId tenant = center();
        TenantId other = center();
        CenterPurpose promotions = purpose(tenant, "promotions", true);
        CenterPurpose newsletter = purpose(tenant, "newsletter", false);

        assertThat(add(promotions)).isTrue();
        assertThat(add(newsletter)).isTrue();
        assertThat(add(purpose(tenant, "promotions", false))).as("a code is unique per center").isFalse();
        assertThat(add(purpose(other, "promotions", false))).as("another center may use the code").isTrue();

        assertThat(store().shared().transactions().inTenant(tenant,
                () -> store().consent().consentPurposes().list(tenant)))
                .containsExactly(newsletter, promotions);
        assertThat(store().shared().transactions().inTenant(tenant,
                () -> store().consent().consentPurposes().byCode(tenant,
                        new ConsentPurpose("promotions")))).contains(promotions);
        assertThat(store().shared().transactions().inTenant(other,
                () -> store().consent().consentPurposes().byCode(other, new ConsentPurpose("promotions"))))
                .hasValueSatisfying(p -> assertThat(p.marketing()).isFalse());
        assertThat(store().shared().transactions().inTenant(other,
                () -> store().consent().consentPurposes().byCode(tenant, new ConsentPurpose("newsletter")))).isEmpty();
        assertThat(store().shared().transactions().inTenant(other,
                () -> store().consent().consentPurposes().list(tenant))).isEmpty();
    }

    @Test
    void aPurposeOfAnotherCenterCannotBeWritten() {
        TenantId tenant = center();
        TenantId other = center();

        assertThatThrownBy(() -> store().shared().transactions().inTenant(other,
                () -> store().consent().consentPurposes().add(purpose(tenant, "reviews", false))))
                .isInstanceOf(RuntimeException.class);
        assertThat(store().shared().transactions().inTenant(tenant,
                () -> store().consent().consentPurposes().list(tenant))).isEmpty();
    }
}
