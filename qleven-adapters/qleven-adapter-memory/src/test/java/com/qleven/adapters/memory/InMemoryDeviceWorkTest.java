package com.qleven.adapters.memory;

import com.qleven.application.QlevenStore;
import com.qleven.ports.contract.DeviceWorkContract;

class InMemoryDeviceWorkTest extends DeviceWorkContract {
    private final InMemoryStore store = new InMemoryStore();

    @Override
    protected QlevenStore store() {
        return store;
    }
}
