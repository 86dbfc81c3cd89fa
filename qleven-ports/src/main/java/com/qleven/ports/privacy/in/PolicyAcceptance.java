package com.qleven.ports.privacy.in;

import com.qleven.domain.privacy.PolicyNotice;
import com.qleven.domain.tenancy.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What any signed-in account, operators included, does with policy versions: read, be told, accept. */
public interface PolicyAcceptance {

    /** The principal's notices of policy versions it has not accepted yet, newest first. */
    List<PolicyNotice> notifications(Principal principal);

    /**
     * Records that the principal accepted the version, once; accepting again changes nothing.
     *
     * @throws com.qleven.domain.shared.NotFoundException when no such version was published
     */
    void accept(Principal principal, String version);

    /** The version in effect now with the principal's acceptance of it; empty when none is in effect. */
    Optional<CurrentPolicy> current(Principal principal);

    record CurrentPolicy(String version, String sha256, Instant effectiveAt, Optional<Instant> acceptedAt) {
    }
}
