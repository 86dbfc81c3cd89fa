package com.qleven.ports.audit.out;

import com.qleven.domain.audit.SecurityAlert;

/** Where security alerts go: the host logs each one and counts it in a metric. */
public interface SecurityAlerts {
    void raise(SecurityAlert alert);
}
