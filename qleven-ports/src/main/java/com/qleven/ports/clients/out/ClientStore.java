package com.qleven.ports.clients.out;

/**
 * The store's clients group: the client records, their restrictions of processing and the possible
 * duplicates staff should compare.
 */
public interface ClientStore {
    Clients clients();

    ClientRestrictions clientRestrictions();

    ClientDuplicates clientDuplicates();
}
