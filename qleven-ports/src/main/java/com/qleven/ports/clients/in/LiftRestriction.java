package com.qleven.ports.clients.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.tenancy.Principal;

/**
 * Lifts a client's restriction of processing (GDPR Art. 18(3)): the center's administrators only,
 * with a reason (required, at most 2000 characters), recorded on the audit trail. Answers the
 * client as it now is; a client not restricted is a conflict.
 */
public interface LiftRestriction {

    ClientView lift(Principal principal, ClientId client, String reason);
}
