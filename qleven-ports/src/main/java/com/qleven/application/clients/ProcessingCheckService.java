package com.qleven.application.clients;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.clients.in.ProcessingCheck;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.shared.out.Transactions;

/** Looks the client's restriction up in the center's unit of work (joining one already open). */
public final class ProcessingCheckService implements ProcessingCheck {
    private final Transactions transactions;
    private final ClientRestrictions clientRestrictions;

    public ProcessingCheckService(Transactions transactions, ClientRestrictions clientRestrictions) {
        this.transactions = transactions;
        this.clientRestrictions = clientRestrictions;
    }

    @Override
    public boolean restricted(TenantId tenant, ClientId client) {
        return transactions.inTenant(tenant, () -> clientRestrictions.active(tenant, client)
                .isPresent());
    }

    @Override
    public void requireProcessable(TenantId tenant, ClientId client) {
        if (restricted(tenant, client)) {
            throw ClientAccess.restricted();
        }
    }
}
