package com.qleven.adapters.memory;

import com.qleven.adapters.crypto.AesGcmFieldCipher;
import com.qleven.adapters.crypto.Argon2Parameters;
import com.qleven.adapters.crypto.Argon2idPasswordHasher;
import com.qleven.adapters.crypto.HmacChainSigner;
import com.qleven.adapters.crypto.MasterKeys;
import com.qleven.adapters.phone.LibphonenumberPhoneNumbers;
import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.usecases.AuditUseCasesSuite;

class InMemoryAuditUseCasesTest extends AuditUseCasesSuite {
    private static final MasterKeys KEYS = MasterKeys.parse(MasterKeys.newKeyFile(), "test");
    private static final PasswordHasher HASHER = new Argon2idPasswordHasher(Argon2Parameters.FAST);

    @Override
    protected QlevenStore newStore() {
        return new InMemoryStore();
    }

    @Override
    protected Qleven.Builder core(QlevenStore store) {
        return Qleven.builder().store(store).cipher(new AesGcmFieldCipher(KEYS, store.dataKeys(), store.transactions()))
                .passwordHasher(HASHER).chainSigner(new HmacChainSigner(KEYS))
                .phoneNumbers(new LibphonenumberPhoneNumbers());
    }
}
