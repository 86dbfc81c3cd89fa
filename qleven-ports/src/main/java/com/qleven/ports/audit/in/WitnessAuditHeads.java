package com.qleven.ports.audit.in;

/**
 * Writes the head of every chain to the witness outside the database. The host runs it every
 * minute and at shutdown; an embedder schedules it the same way.
 */
public interface WitnessAuditHeads {
    /** @return how many chains were witnessed */
    int witness();
}
