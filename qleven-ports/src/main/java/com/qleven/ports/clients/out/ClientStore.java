package com.qleven.ports.clients.out;

/** The store's clients group: the client records and their restrictions of processing. */
public interface ClientStore {
    Clients clients();

    ClientRestrictions clientRestrictions();
}
