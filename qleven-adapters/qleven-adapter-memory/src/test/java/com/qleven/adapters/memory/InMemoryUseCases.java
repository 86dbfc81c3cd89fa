package com.qleven.adapters.memory;

import com.qleven.adapters.crypto.AesGcmFieldCipher;
import com.qleven.adapters.crypto.Argon2Parameters;
import com.qleven.adapters.crypto.Argon2idPasswordHasher;
import com.qleven.adapters.crypto.HmacChainSigner;
import com.qleven.adapters.crypto.MasterKeys;
import com.qleven.adapters.phone.LibphonenumberPhoneNumbers;
import com.qleven.ports.usecases.UseCasesFixture;

/** The use-case suites in memory: a fresh store per test, the real cipher, hasher, signer and phones. */
final class InMemoryUseCases {
    private static final MasterKeys KEYS = MasterKeys.parse(MasterKeys.newKeyFile(), "test");

    static final UseCasesFixture FIXTURE = new UseCasesFixture(InMemoryStore::new,
            (dataKeys, transactions) -> new AesGcmFieldCipher(KEYS, dataKeys, transactions),
            new Argon2idPasswordHasher(Argon2Parameters.FAST), new HmacChainSigner(KEYS),
            new LibphonenumberPhoneNumbers());

    private InMemoryUseCases() {
    }
}
