package com.qleven.adapters.postgres.contract;

import com.qleven.adapters.postgres.testing.PostgresStoreExtension;
import com.qleven.application.QlevenStore;
import com.qleven.ports.contract.CampaignsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresCampaignsTest extends CampaignsContract {
    @RegisterExtension
    static final PostgresStoreExtension DB = new PostgresStoreExtension();

    @Override
    protected QlevenStore store() {
        return DB.store();
    }
}
