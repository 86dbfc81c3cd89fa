package com.qleven.adapters.postgres;

import com.qleven.adapters.crypto.AesGcmFieldCipher;
import com.qleven.adapters.crypto.Argon2Parameters;
import com.qleven.adapters.crypto.Argon2idPasswordHasher;
import com.qleven.adapters.crypto.HmacChainSigner;
import com.qleven.adapters.crypto.MasterKeys;
import com.qleven.adapters.phone.LibphonenumberPhoneNumbers;
import com.qleven.adapters.postgres.testing.PostgresStoreExtension;
import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.usecases.AuditUseCasesSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit use cases on PostgreSQL, through the unprivileged role and row-level security. */
class PostgresAuditUseCasesTest extends AuditUseCasesSuite {
    @RegisterExtension
    static final PostgresStoreExtension DB = new PostgresStoreExtension();
    private static final MasterKeys KEYS = MasterKeys.parse(MasterKeys.newKeyFile(), "test");
    private static final PasswordHasher HASHER = new Argon2idPasswordHasher(Argon2Parameters.FAST);

    @Override
    protected QlevenStore newStore() {
        return DB.store();
    }

    @Override
    protected Qleven.Builder core(QlevenStore store) {
        return Qleven.builder().store(store).cipher(new AesGcmFieldCipher(KEYS, store.dataKeys(), store.transactions()))
                .passwordHasher(HASHER).chainSigner(new HmacChainSigner(KEYS))
                .phoneNumbers(new LibphonenumberPhoneNumbers());
    }
}
