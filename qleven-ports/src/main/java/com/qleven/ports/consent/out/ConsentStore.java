package com.qleven.ports.consent.out;

/** The store's consent group: the consent ledger, each center's purposes and their notice texts. */
public interface ConsentStore {
    ConsentLedger consentLedger();

    ConsentPurposes consentPurposes();

    ConsentNotices consentNotices();
}
