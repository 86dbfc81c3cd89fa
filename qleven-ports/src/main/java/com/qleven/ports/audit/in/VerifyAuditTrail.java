package com.qleven.ports.audit.in;

import com.qleven.domain.audit.ChainReport;
import com.qleven.domain.tenancy.Principal;
import java.util.List;

/**
 * Recomputes audit chains from their first entry and compares their heads, in the database and as
 * witnessed outside it.
 */
public interface VerifyAuditTrail {

    /**
     * An administrator verifies their center's chain; a platform operator verifies every chain (the
     * platform's first, then each center's).
     *
     * @throws com.qleven.domain.shared.ForbiddenException for any other role
     */
    List<ChainReport> verify(Principal principal);

    /**
     * Every chain, for the command line: it runs on the installation's own master key file and
     * database, so it needs no sign-in.
     */
    List<ChainReport> verifyAll();
}
