package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.application.QlevenStore;
import com.qleven.domain.billing.Money;
import com.qleven.domain.scheduling.Equipment;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.EquipmentStatus;
import com.qleven.domain.scheduling.Room;
import com.qleven.domain.scheduling.RoomId;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.TenantId;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@code Catalogue} promises: services, rooms and equipment per center, read back as stored. */
public abstract class CatalogueContract {

    protected abstract QlevenStore store();

    @Test
    void servicesRoomsAndEquipmentAreReadBackAsStoredAndOnlyInTheirCenter() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        addCenter(store(), tenant);
        addCenter(store(), other);
        var catalogue = store().scheduling().catalogue();
        var tx = store().shared().transactions();
        Service laser = new Service(new ServiceId(UUID.randomUUID()), "Láser facial", 45, 10, 15,
                new Money(8900, Currency.getInstance("EUR")), "21", true, Set.of("laser", "cooler"),
                Set.of(newUser(), newUser()), true);
        Service massage = new Service(new ServiceId(UUID.randomUUID()), "Masaje", 60, 0, 0,
                new Money(5000, Currency.getInstance("EUR")), "exempt", false, Set.of(), Set.of(), true);
        Room cabin = new Room(new RoomId(UUID.randomUUID()), "Cabina 1");
        Equipment first = new Equipment(new EquipmentId(UUID.randomUUID()), "Láser 1", "laser", EquipmentStatus.AVAILABLE);
        Equipment second = new Equipment(new EquipmentId(UUID.randomUUID()), "Láser 2", "laser", EquipmentStatus.AVAILABLE);
        Equipment cooler = new Equipment(new EquipmentId(UUID.randomUUID()), "Frío", "cooler", EquipmentStatus.AVAILABLE);
        tx.inTenant(tenant, () -> {
            catalogue.addService(tenant, massage);
            catalogue.addService(tenant, laser);
            catalogue.addRoom(tenant, cabin);
            catalogue.addEquipment(tenant, second);
            catalogue.addEquipment(tenant, first);
            catalogue.addEquipment(tenant, cooler);
        });

        assertThat(tx.inTenant(tenant, () -> catalogue.services(tenant))).containsExactly(laser, massage);
        assertThat(tx.inTenant(tenant, () -> catalogue.service(tenant, laser.id()))).contains(laser);
        assertThat(tx.inTenant(tenant, () -> catalogue.rooms(tenant))).containsExactly(cabin);
        assertThat(tx.inTenant(tenant, () -> catalogue.room(tenant, cabin.id()))).contains(cabin);
        assertThat(tx.inTenant(tenant, () -> catalogue.equipmentOfKinds(tenant, List.of("laser"))))
                .containsExactly(first, second);

        assertThat(tx.inTenant(tenant, () -> catalogue.updateService(tenant, laser.withActive(false)))).isTrue();
        assertThat(tx.inTenant(tenant, () -> catalogue.service(tenant, laser.id()))).contains(laser.withActive(false));
        assertThat(tx.inTenant(tenant, () -> catalogue.setEquipmentStatus(tenant, first.id(),
                EquipmentStatus.MAINTENANCE))).isTrue();
        assertThat(tx.inTenant(tenant, () -> catalogue.equipment(tenant, first.id())))
                .contains(first.withStatus(EquipmentStatus.MAINTENANCE));
        assertThat(tx.inTenant(tenant, () -> catalogue.equipment(tenant))).hasSize(3);

        assertThat(tx.inTenant(other, () -> catalogue.services(tenant))).isEmpty();
        assertThat(tx.inTenant(other, () -> catalogue.service(tenant, laser.id()))).isEmpty();
        assertThat(tx.inTenant(other, () -> catalogue.rooms(tenant))).isEmpty();
        assertThat(tx.inTenant(other, () -> catalogue.equipment(tenant))).isEmpty();
        assertThat(tx.inTenant(other, () -> catalogue.setEquipmentStatus(other, first.id(),
                EquipmentStatus.AVAILABLE))).isFalse();
    }
}
