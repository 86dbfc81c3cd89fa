package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.scheduling.OpeningHours;
import com.qleven.domain.billing.Money;
import com.qleven.domain.scheduling.SchedulingSettings;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.TenantId;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@code SchedulingSettingsRepository} promises: a center's settings read back as put,
 * visible only in its unit, and a public slug held by one center at a time, found before the center
 * is known.
 */
public abstract class SchedulingSettingsContract {

    protected abstract QlevenStore store();

    private static String slug() {
        return "c-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void settingsAreReadBackAsPutAndOnlyInTheirCenter() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        addCenter(store(), tenant);
        addCenter(store(), other);
        var repo = store().scheduling().settings();
        OpeningHours hours = OpeningHours.parse(List.of(new WeeklyHours.Entry("monday", "09:00", "13:00"),
                new WeeklyHours.Entry("monday", "15:00", "24:00"), new WeeklyHours.Entry("saturday", "10:00", "14:00")),
                List.of("2030-12-25", "2030-01-01"));
        SchedulingSettings settings = new SchedulingSettings(slug(), Locale.forLanguageTag("es-ES"), 20, hours, 48, 90);
        assertThat(store().shared().transactions().inTenant(tenant, () -> repo.get(tenant))).isEmpty();
        store().shared().transactions().inTenant(tenant, () -> repo.put(tenant, settings, T0));

        assertThat(store().shared().transactions().inTenant(tenant, () -> repo.get(tenant))).contains(settings);
        assertThat(store().shared().transactions().inTenant(other, () -> repo.get(tenant))).isEmpty();
        assertThat(store().shared().transactions().global(() -> repo.centerBySlug(settings.slug()))).contains(tenant);

        SchedulingSettings always = SchedulingSettings.defaults(settings.slug(), Locale.forLanguageTag("fr-MA"));
        store().shared().transactions().inTenant(tenant, () -> repo.put(tenant, always, T0));
        assertThat(store().shared().transactions().inTenant(tenant, () -> repo.get(tenant))).contains(always);
        assertThat(always.openingHours().closedDays()).isEqualTo(new TreeSet<LocalDate>());
    }

    @Test
    void theCenterAndItsSettingsAreReadTogetherAndOnlyInTheirCenter() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        addCenter(store(), tenant);
        addCenter(store(), other);
        var repo = store().scheduling().settings();
        var transactions = store().shared().transactions();
        var profile = transactions.inTenant(tenant, () -> store().tenancy().centers().byId(tenant)).orElseThrow()
                .profile();

        assertThat(transactions.inTenant(tenant, () -> repo.centerWithSettings(tenant)))
                .as("a center that never put its settings")
                .contains(new com.qleven.ports.scheduling.out.SchedulingSettingsRepository.CenterWithSettings(
                        profile, java.util.Optional.empty()));
        SchedulingSettings settings = new SchedulingSettings(slug(), Locale.forLanguageTag("es-ES"), 20,
                OpeningHours.parse(List.of(new WeeklyHours.Entry("tuesday", "08:00", "12:00")),
                        List.of("2030-12-25")), 24, 30);
        transactions.inTenant(tenant, () -> repo.put(tenant, settings, T0));

        var read = transactions.inTenant(tenant, () -> repo.centerWithSettings(tenant)).orElseThrow();
        assertThat(read.profile()).isEqualTo(profile);
        assertThat(read.settings()).contains(settings);
        assertThat(transactions.inTenant(other, () -> repo.centerWithSettings(tenant)))
                .as("read from another center's unit").isEmpty();
        assertThat(transactions.inTenant(tenant, () -> repo.centerWithSettings(newTenant())))
                .as("a center not stored").isEmpty();
    }

    @Test
    void theCenterComesWithOneOfItsServicesInOneRead() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        addCenter(store(), tenant);
        addCenter(store(), other);
        var repo = store().scheduling().settings();
        var transactions = store().shared().transactions();
        Service laser = new Service(new ServiceId(UUID.randomUUID()), "Láser facial", 45, 10, 15,
                new Money(8900, Currency.getInstance("EUR")), "21", true, Set.of("laser"),
                Set.of(ContractFixtures.newUser()), true);
        Service elsewhere = new Service(new ServiceId(UUID.randomUUID()), "Masaje", 60, 0, 0,
                new Money(5000, Currency.getInstance("MAD")), "exempt", false, Set.of(), Set.of(), false);
        transactions.inTenant(tenant, () -> store().scheduling().catalogue().addService(tenant, laser));
        transactions.inTenant(other, () -> store().scheduling().catalogue().addService(other, elsewhere));
        SchedulingSettings settings = SchedulingSettings.defaults(slug(), Locale.forLanguageTag("es-ES"));
        transactions.inTenant(tenant, () -> repo.put(tenant, settings, T0));

        var read = transactions.inTenant(tenant, () -> repo.centerWithService(tenant, laser.id())).orElseThrow();
        assertThat(read.center()).isEqualTo(transactions.inTenant(tenant, () -> repo.centerWithSettings(tenant))
                .orElseThrow());
        assertThat(read.service()).contains(laser);
        assertThat(transactions.inTenant(tenant, () -> repo.centerWithService(tenant, elsewhere.id())).orElseThrow()
                .service()).as("another center's service").isEmpty();
        assertThat(transactions.inTenant(tenant, () -> repo.centerWithService(tenant,
                new ServiceId(UUID.randomUUID()))).orElseThrow().service()).as("an unknown id").isEmpty();
        assertThat(transactions.inTenant(other, () -> repo.centerWithService(tenant, laser.id())))
                .as("read from another center's unit").isEmpty();
        assertThat(transactions.inTenant(other, () -> repo.centerWithService(other, elsewhere.id())).orElseThrow()
                .service()).contains(elsewhere);
    }

    @Test
    void aSlugBelongsToOneCenterAndFollowsItsChanges() {
        TenantId first = newTenant();
        TenantId second = newTenant();
        addCenter(store(), first);
        addCenter(store(), second);
        var repo = store().scheduling().settings();
        String taken = slug();
        store().shared().transactions().inTenant(first, () -> repo.put(first,
                SchedulingSettings.defaults(taken, Locale.forLanguageTag("es-ES")), T0));

        assertThatThrownBy(() -> store().shared().transactions().inTenant(second, () -> repo.put(second,
                SchedulingSettings.defaults(taken, Locale.forLanguageTag("es-ES")), T0)))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).details()).containsEntry("field", "slug"));
        assertThat(store().shared().transactions().inTenant(second, () -> repo.get(second))).isEmpty();

        String renamed = slug();
        store().shared().transactions().inTenant(first, () -> repo.put(first,
                SchedulingSettings.defaults(renamed, Locale.forLanguageTag("es-ES")), T0));
        assertThat(store().shared().transactions().global(() -> repo.centerBySlug(renamed))).contains(first);
        assertThat(store().shared().transactions().global(() -> repo.centerBySlug(taken))).isEmpty();
        store().shared().transactions().inTenant(second, () -> repo.put(second,
                SchedulingSettings.defaults(taken, Locale.forLanguageTag("es-ES")), T0));
        assertThat(store().shared().transactions().global(() -> repo.centerBySlug(taken))).contains(second);
    }
}
