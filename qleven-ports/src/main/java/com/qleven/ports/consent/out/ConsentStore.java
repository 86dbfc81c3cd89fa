package com.qleven.ports.consent.out;

/** The store's consent group: the consent ledger and each center's purposes. */
public interface ConsentStore {
    ConsentLedger consentLedger();

    ConsentPurposes consentPurposes();
}
