package com.qleven.ports.messaging.out;

import com.qleven.domain.messaging.TokenBucket;
import java.time.Instant;

/**
 * Token buckets every host shares through the store: one per phone number (its send rate) and one per
 * recipient of a number (Meta's pair rate). A take locks the bucket's row to the caller's commit, so
 * two hosts never spend the same tokens.
 */
public interface SendBudgets {
    /**
     * Takes {@code n} tokens from the bucket named {@code key} (created full on first use), refilled
     * by {@code bucket}'s rule up to {@code now}; all or none ({@link TokenBucket.Take#granted}).
     */
    TokenBucket.Take take(String key, TokenBucket bucket, int n, Instant now);
}
