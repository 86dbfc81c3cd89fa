package com.qleven.domain.audit;

import java.util.Locale;

/** Why a chain fails verification at an entry. */
public enum ChainBreak {
    /** The entry's hash is not the HMAC of the hash before it and its content: it was altered. */
    HASH_MISMATCH,
    /**
     * An entry is missing: the sequence jumps, the entry does not link to the one before, or an
     * appended event was deleted before it was sealed.
     */
    GAP,
    /** The head row does not name the last entry: entries after it were removed, or the head was moved. */
    HEAD_MISMATCH,
    /** A head written outside the database is not in the chain: the chain was cut or rewritten. */
    WITNESS_MISMATCH;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
