package com.qleven.adapters.postgres.contract;

import com.qleven.adapters.postgres.testing.PostgresStoreExtension;
import com.qleven.application.QlevenStore;
import com.qleven.ports.contract.DevicesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresDevicesTest extends DevicesContract {
    @RegisterExtension
    static final PostgresStoreExtension DB = new PostgresStoreExtension();

    @Override
    protected QlevenStore store() {
        return DB.store();
    }
}
