package com.qleven.ports.devices.in;

import com.qleven.domain.devices.Device;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A machine to register: its name (1 to 120 characters), the center's equipment it is, its model (1 to
 * 120) and, optionally, its firmware (up to 60), each stripped. Bad members are named together
 * ({@code name}, {@code equipmentId}, {@code model}, {@code firmware}).
 */
public record RegisterDeviceCommand(String name, EquipmentId equipmentId, String model, Optional<String> firmware) {
    public RegisterDeviceCommand {
        List<FieldError> errors = new ArrayList<>();
        name = Device.text(errors, "name", name, Device.MAX_NAME);
        if (equipmentId == null) {
            errors.add(new FieldError("equipmentId", "is required"));
        }
        model = Device.text(errors, "model", model, Device.MAX_MODEL);
        firmware = Objects.requireNonNullElse(firmware, Optional.<String>empty())
                .map(f -> Device.text(errors, "firmware", f, Device.MAX_FIRMWARE));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
