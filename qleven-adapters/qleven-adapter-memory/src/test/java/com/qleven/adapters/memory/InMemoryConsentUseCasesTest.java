package com.qleven.adapters.memory;

import com.qleven.adapters.crypto.AesGcmFieldCipher;
import com.qleven.adapters.crypto.Argon2Parameters;
import com.qleven.adapters.crypto.Argon2idPasswordHasher;
import com.qleven.adapters.crypto.HmacChainSigner;
import com.qleven.adapters.crypto.MasterKeys;
import com.qleven.adapters.phone.LibphonenumberPhoneNumbers;
import com.qleven.application.QlevenStore;
import com.qleven.ports.audit.out.ChainSigner;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.shared.out.PhoneNumbers;
import com.qleven.ports.usecases.ConsentUseCasesSuite;

class InMemoryConsentUseCasesTest extends ConsentUseCasesSuite {
    private static final MasterKeys KEYS = MasterKeys.parse(MasterKeys.newKeyFile(), "test");
    private static final PasswordHasher HASHER = new Argon2idPasswordHasher(Argon2Parameters.FAST);
    private static final PhoneNumbers PHONES = new LibphonenumberPhoneNumbers();

    @Override
    protected QlevenStore newStore() {
        return new InMemoryStore();
    }

    @Override
    protected FieldCipher cipher(QlevenStore store) {
        return new AesGcmFieldCipher(KEYS, store.dataKeys(), store.transactions());
    }

    @Override
    protected PasswordHasher hasher() {
        return HASHER;
    }

    @Override
    protected ChainSigner chainSigner() {
        return new HmacChainSigner(KEYS);
    }

    @Override
    protected PhoneNumbers phoneNumbers() {
        return PHONES;
    }
}
