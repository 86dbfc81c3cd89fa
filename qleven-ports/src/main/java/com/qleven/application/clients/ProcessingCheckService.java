package com.qleven.application.clients;

import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.clients.in.ProcessingCheck;

/** Looks the client's restriction up in the center's unit of work (joining one already open). */
public final class ProcessingCheckService implements ProcessingCheck {
    private final QlevenStore store;

    public ProcessingCheckService(QlevenStore store) {
        this.store = store;
    }

    @Override
    public boolean restricted(TenantId tenant, ClientId client) {
        return store.transactions().inTenant(tenant, () -> store.clientRestrictions().active(tenant, client)
                .isPresent());
    }

    @Override
    public void requireProcessable(TenantId tenant, ClientId client) {
        if (restricted(tenant, client)) {
            throw ClientAccess.restricted();
        }
    }
}
