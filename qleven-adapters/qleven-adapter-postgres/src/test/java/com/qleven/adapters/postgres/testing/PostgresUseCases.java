package com.qleven.adapters.postgres.testing;

import com.qleven.adapters.crypto.AesGcmFieldCipher;
import com.qleven.adapters.crypto.Argon2Parameters;
import com.qleven.adapters.crypto.Argon2idPasswordHasher;
import com.qleven.adapters.crypto.HmacChainSigner;
import com.qleven.adapters.crypto.MasterKeys;
import com.qleven.adapters.phone.LibphonenumberPhoneNumbers;
import com.qleven.ports.usecases.UseCasesFixture;

/**
 * The use-case suites on PostgreSQL: the store of the test class's database (through the
 * unprivileged role and row-level security), the real cipher, hasher, signer and phones.
 */
public final class PostgresUseCases extends PostgresStoreExtension {
    private static final MasterKeys KEYS = MasterKeys.parse(MasterKeys.newKeyFile(), "test");

    private final UseCasesFixture fixture = new UseCasesFixture(this::store,
            (dataKeys, transactions) -> new AesGcmFieldCipher(KEYS, dataKeys, transactions),
            new Argon2idPasswordHasher(Argon2Parameters.FAST), new HmacChainSigner(KEYS),
            new LibphonenumberPhoneNumbers());

    public UseCasesFixture fixture() {
        return fixture;
    }
}
