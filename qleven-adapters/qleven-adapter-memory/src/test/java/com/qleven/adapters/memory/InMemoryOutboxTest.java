package com.qleven.adapters.memory;

import com.qleven.application.QlevenStore;
import com.qleven.ports.contract.OutboxContract;

class InMemoryOutboxTest extends OutboxContract {
    private final InMemoryStore store = new InMemoryStore();

    @Override
    protected QlevenStore store() {
        return store;
    }
}
