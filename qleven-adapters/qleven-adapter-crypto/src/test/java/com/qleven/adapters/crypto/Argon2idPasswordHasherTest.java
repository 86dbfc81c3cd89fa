package com.qleven.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The one test that pays the production Argon2id cost. */
class Argon2idPasswordHasherTest {

    @Test
    void hashesWithProductionParametersAndVerifies() {
        Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(Argon2Parameters.DEFAULT);
        String hash = hasher.hash("correct horse battery");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct horse");
        assertThat(hasher.verify("correct horse battery", hash)).isTrue();
        assertThat(hasher.verify("correct horse batterY", hash)).isFalse();
        assertThat(hasher.hash("correct horse battery")).isNotEqualTo(hash);
    }

    @Test
    void verifiesHashesMadeWithOtherParametersAndRejectsGarbage() {
        String fast = new Argon2idPasswordHasher(Argon2Parameters.FAST).hash("another password");
        Argon2idPasswordHasher production = new Argon2idPasswordHasher(Argon2Parameters.DEFAULT);
        assertThat(production.verify("another password", fast)).isTrue();
        assertThat(production.verify("another password", "not a hash")).isFalse();
        assertThat(production.verify("another password", "$argon2id$garbage")).isFalse();
        assertThat(Argon2Parameters.FAST.meetsMinimum()).isFalse();
        assertThat(Argon2Parameters.DEFAULT.meetsMinimum()).isTrue();
    }

    @Test
    void aHashWaitsForAFreeLane() throws Exception {
        Argon2idPasswordHasher oneLane = new Argon2idPasswordHasher(new Argon2Parameters(1024, 1, 1), 1);
        String hash = oneLane.hash("wait for the lane");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            oneLane.lanes.acquire();
            Future<Boolean> waiting = pool.submit(() -> oneLane.verify("wait for the lane", hash));
            assertThatThrownBy(() -> waiting.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            oneLane.lanes.release();
            assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(oneLane.lanes.availablePermits()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
