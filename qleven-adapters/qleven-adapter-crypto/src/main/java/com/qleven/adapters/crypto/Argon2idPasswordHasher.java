package com.qleven.adapters.crypto;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import com.qleven.ports.shared.out.PasswordHasher;
import java.util.concurrent.Semaphore;

/**
 * Argon2id through password4j, which is maintained for this job and writes the standard PHC string
 * ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}), so hashes made with older parameters still verify.
 *
 * <p>At most one hash per core runs at a time; the others wait their turn in order. Each hash
 * allocates its whole memory cost (19 MiB by default): measured on 2 cores, 16 sign-ins at once
 * without this limit gave 10 a second and a heap of gigabytes, against 30 a second with two at a time.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private final Argon2Function function;
    // Package-private so that a test can hold a lane and see a hash wait for it.
    final Semaphore lanes;

    public Argon2idPasswordHasher(Argon2Parameters parameters) {
        this(parameters, Runtime.getRuntime().availableProcessors());
    }

    /** @param concurrentHashes how many hashes may run at once */
    public Argon2idPasswordHasher(Argon2Parameters parameters, int concurrentHashes) {
        if (concurrentHashes < 1) {
            throw new IllegalArgumentException("concurrentHashes must be at least 1");
        }
        this.function = Argon2Function.getInstance(parameters.memoryKiB(), parameters.iterations(),
                parameters.parallelism(), HASH_BYTES, Argon2.ID, Argon2Function.ARGON2_VERSION_13);
        this.lanes = new Semaphore(concurrentHashes, true);
    }

    @Override
    public String hash(String password) {
        lanes.acquireUninterruptibly();
        try {
            return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
        } finally {
            lanes.release();
        }
    }

    @Override
    public boolean verify(String password, String hash) {
        if (hash == null || !hash.startsWith("$argon2id$")) {
            return false;
        }
        lanes.acquireUninterruptibly();
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException malformed) {
            return false;
        } finally {
            lanes.release();
        }
    }
}
