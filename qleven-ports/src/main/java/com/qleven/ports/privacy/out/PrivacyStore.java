package com.qleven.ports.privacy.out;

/**
 * The store's privacy group: incidents and what centers were told of them, the sub-processor
 * register, data-subject requests, marketing suppressions and privacy-policy versions.
 */
public interface PrivacyStore {
    Incidents incidents();

    CenterNotifications centerNotifications();

    Subprocessors subprocessors();

    PrivacyRequests privacyRequests();

    Suppressions suppressions();

    PolicyVersions policyVersions();
}
