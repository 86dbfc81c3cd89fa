package com.qleven.adapters.postgres.devices;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.MaintenanceRules;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.out.DeviceMaintenanceRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Maintenance rules in {@code public.device_maintenance_rules} (V40), one row per device. */
final class PostgresDeviceMaintenanceRules implements DeviceMaintenanceRules {
    private final PostgresTransactions tx;

    PostgresDeviceMaintenanceRules(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<MaintenanceRules> find(TenantId tenant, DeviceId device) {
        return tx.withHandle(Optional.of(tenant), "read maintenance rules", h -> h
                .createQuery("""
                        SELECT threshold_names, threshold_maxes, fault_codes, any_fault
                        FROM public.device_maintenance_rules WHERE tenant_id = :tenant AND device_id = :device""")
                .bind("tenant", tenant.value())
                .bind("device", device.value())
                .map((rs, ctx) -> {
                    String[] names = FlatJson.strings(rs.getArray("threshold_names"));
                    Double[] maxes = (Double[]) rs.getArray("threshold_maxes").getArray();
                    List<MaintenanceRules.Threshold> thresholds = new ArrayList<>();
                    for (int i = 0; i < names.length; i++) {
                        thresholds.add(new MaintenanceRules.Threshold(names[i], maxes[i]));
                    }
                    return new MaintenanceRules(thresholds, Arrays.asList(FlatJson.strings(rs.getArray("fault_codes"))),
                            rs.getBoolean("any_fault"));
                })
                .findOne());
    }

    @Override
    public void put(TenantId tenant, DeviceId device, MaintenanceRules rules) {
        tx.withHandle(Optional.of(tenant), "set maintenance rules", h -> h.createUpdate("""
                        INSERT INTO public.device_maintenance_rules (tenant_id, device_id, threshold_names,
                            threshold_maxes, fault_codes, any_fault)
                        VALUES (:tenant, :device, :names, :maxes, :codes, :anyFault)
                        ON CONFLICT (tenant_id, device_id) DO UPDATE SET threshold_names = EXCLUDED.threshold_names,
                            threshold_maxes = EXCLUDED.threshold_maxes, fault_codes = EXCLUDED.fault_codes,
                            any_fault = EXCLUDED.any_fault""")
                .bind("tenant", tenant.value())
                .bind("device", device.value())
                .bindArray("names", String.class, rules.thresholds().stream().map(MaintenanceRules.Threshold::counter)
                        .toList())
                .bindArray("maxes", Double.class, rules.thresholds().stream().map(MaintenanceRules.Threshold::max)
                        .toList())
                .bindArray("codes", String.class, rules.faultCodes())
                .bind("anyFault", rules.anyFault())
                .execute());
    }
}
