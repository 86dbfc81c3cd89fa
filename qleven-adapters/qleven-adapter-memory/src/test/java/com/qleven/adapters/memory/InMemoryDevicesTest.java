package com.qleven.adapters.memory;

import com.qleven.application.QlevenStore;
import com.qleven.ports.contract.DevicesContract;

class InMemoryDevicesTest extends DevicesContract {
    private final InMemoryStore store = new InMemoryStore();

    @Override
    protected QlevenStore store() {
        return store;
    }
}
