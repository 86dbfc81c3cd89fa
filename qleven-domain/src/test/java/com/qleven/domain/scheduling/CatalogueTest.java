package com.qleven.domain.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.billing.Money;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CatalogueTest {
    private static final Money PRICE = new Money(6000, Currency.getInstance("EUR"));

    private static List<String> fields(Throwable e) {
        return ((ValidationException) e).errors().stream().map(FieldError::field).toList();
    }

    @Test
    void a_service_normalises_kinds_and_any_professional_performs_it_when_none_is_named() {
        Service s = new Service(new ServiceId(UUID.randomUUID()), " Laser legs ", 45, 10, 5, PRICE, "21", true,
                new LinkedHashSet<>(List.of(" Laser", "gel-pump")), Set.of(), true);
        assertThat(s.name()).isEqualTo("Laser legs");
        assertThat(s.equipmentKinds()).containsExactly("laser", "gel-pump");
        assertThat(s.occupiedMinutes()).isEqualTo(60);
        assertThat(s.performableBy(new UserId(UUID.randomUUID()))).isTrue();
        UserId ana = new UserId(UUID.randomUUID());
        Service restricted = new Service(s.id(), s.name(), 45, 0, 0, PRICE, "21", false, Set.of(), Set.of(ana), true);
        assertThat(restricted.performableBy(ana)).isTrue();
        assertThat(restricted.performableBy(new UserId(UUID.randomUUID()))).isFalse();
    }

    @Test
    void a_service_names_every_bad_field_as_the_body_does() {
        assertThatThrownBy(() -> new Service(new ServiceId(UUID.randomUUID()), "", 0, -1, 241,
                new Money(-1, Currency.getInstance("EUR")), " ", false,
                new LinkedHashSet<>(Arrays.asList("laser", "LASER", "")), new LinkedHashSet<>(Arrays.asList((UserId) null)), true))
                .satisfies(e -> assertThat(fields(e)).containsExactly("name", "durationMinutes", "bufferBeforeMinutes",
                        "bufferAfterMinutes", "price.amountMinor", "taxRate", "equipmentKinds[1]", "equipmentKinds[2]",
                        "professionalIds[0]"));
    }

    @Test
    void a_deposit_is_more_than_0_at_most_the_price_and_in_its_currency() {
        Money price = new Money(6000, Currency.getInstance("EUR"));
        assertThat(deposit(price, new Money(6000, price.currency())).deposit()).contains(new Money(6000, price.currency()));
        assertThat(deposit(price, null).deposit()).isEmpty();
        assertThatThrownBy(() -> deposit(price, new Money(6001, price.currency())))
                .satisfies(e -> assertThat(fields(e)).containsExactly("deposit.amountMinor"))
                .hasMessageContaining("at most the price");
        assertThatThrownBy(() -> deposit(price, new Money(0, price.currency())))
                .satisfies(e -> assertThat(fields(e)).containsExactly("deposit.amountMinor"));
        assertThatThrownBy(() -> deposit(price, new Money(100, Currency.getInstance("MAD"))))
                .satisfies(e -> assertThat(fields(e)).containsExactly("deposit.currency"));
    }

    private static Service deposit(Money price, Money deposit) {
        return new Service(new ServiceId(UUID.randomUUID()), "Peel", 30, 0, 0, price, "21", false,
                new LinkedHashSet<>(), new LinkedHashSet<>(), true, java.util.Optional.ofNullable(deposit));
    }

    @Test
    void rooms_and_equipment_need_a_name_and_equipment_a_kind_and_status() {
        assertThatThrownBy(() -> new Room(new RoomId(UUID.randomUUID()), " "))
                .satisfies(e -> assertThat(fields(e)).containsExactly("name"));
        assertThatThrownBy(() -> new Equipment(new EquipmentId(UUID.randomUUID()), "Laser 1", "", null))
                .satisfies(e -> assertThat(fields(e)).containsExactly("kind", "status"));
        Equipment laser = new Equipment(new EquipmentId(UUID.randomUUID()), "Laser 1", "Laser", EquipmentStatus.AVAILABLE);
        assertThat(laser.kind()).isEqualTo("laser");
        assertThat(laser.bookable()).isTrue();
        assertThat(laser.withStatus(EquipmentStatus.parse("maintenance")).bookable()).isFalse();
        assertThatThrownBy(() -> EquipmentStatus.parse("broken"))
                .satisfies(e -> assertThat(fields(e)).containsExactly("status"));
    }
}
