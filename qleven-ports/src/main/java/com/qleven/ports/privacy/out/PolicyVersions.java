package com.qleven.ports.privacy.out;

import com.qleven.domain.privacy.PolicyNotice;
import com.qleven.domain.privacy.PolicyVersion;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The published privacy-policy versions, each account's notices of them and its acceptances: all
 * global (policy versions are the platform's, accounts are global), readable in any unit of work.
 */
public interface PolicyVersions {

    /** Adds the version; {@code false}, writing nothing, when a version of that name exists. */
    boolean add(PolicyVersion version);

    Optional<PolicyVersion> byVersion(String version);

    /** The version in effect at {@code at}: the latest effective time not after it, then the latest published. */
    Optional<PolicyVersion> inEffectAt(Instant at);

    /** Records the notice once; a second notice of the same version to the same account is ignored. */
    void notify(PolicyNotice notice);

    /** The account's notices of versions it has not accepted, newest effective time first. */
    List<PolicyNotice> unread(UserId account);

    /** Records the acceptance once; {@code false}, writing nothing, when the account had accepted it already. */
    boolean accept(UserId account, String version, Instant at);

    Optional<Instant> acceptedAt(UserId account, String version);
}
