package com.qleven.ports.scheduling.in;

import com.qleven.domain.scheduling.SchedulingSettings;
import com.qleven.domain.tenancy.CenterProfile;
import java.util.Objects;

/** {@code GET /v1/center}: the center's profile as tenancy holds it, with its scheduling settings. */
public record CenterView(CenterProfile profile, SchedulingSettings settings) {
    public CenterView {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(settings, "settings");
    }
}
