package com.qleven.ports.privacy.in;

import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.TenantId;

/**
 * Whether a phone number or an email is on the center's marketing suppression list: every marketing
 * sender asks at the moment of sending, whatever client record the address now belongs to.
 */
public interface SuppressionCheck {
    boolean isSuppressed(TenantId tenant, PhoneNumber phone);

    boolean isSuppressed(TenantId tenant, EmailAddress email);
}
