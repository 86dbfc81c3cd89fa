package com.qleven.ports.audit.out;

import com.qleven.domain.audit.ChainHash;

/**
 * The keyed hash that links an audit chain: {@code HMAC-SHA256(key, previous hash || entry)}. The
 * key lives outside the database, so whoever can rewrite the database cannot recompute a chain.
 */
public interface ChainSigner {
    ChainHash sign(ChainHash previous, byte[] canonicalEntry);
}
