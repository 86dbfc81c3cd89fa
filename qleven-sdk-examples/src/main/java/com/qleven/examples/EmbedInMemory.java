package com.qleven.examples;

import com.qleven.adapters.crypto.AesGcmFieldCipher;
import com.qleven.adapters.crypto.Argon2Parameters;
import com.qleven.adapters.crypto.Argon2idPasswordHasher;
import com.qleven.adapters.crypto.HmacChainSigner;
import com.qleven.adapters.crypto.MasterKeys;
import com.qleven.adapters.phone.LibphonenumberPhoneNumbers;
import com.qleven.adapters.memory.InMemoryStore;
import com.qleven.application.Qleven;
import java.time.Clock;

/** Embeds the core with everything in memory: no database, nothing kept after the JVM exits. */
public final class EmbedInMemory {
    private EmbedInMemory() {
    }

    public static Qleven core() {
        InMemoryStore store = new InMemoryStore();
        MasterKeys keys = MasterKeys.parse(MasterKeys.newKeyFile(), "in-memory example");
        return Qleven.builder()
                .store(store)
                .cipher(new AesGcmFieldCipher(keys, store.shared().dataKeys(), store.shared().transactions()))
                .passwordHasher(new Argon2idPasswordHasher(Argon2Parameters.DEFAULT))
                .chainSigner(new HmacChainSigner(keys))
                .phoneNumbers(new LibphonenumberPhoneNumbers())
                .clock(Clock.systemUTC())
                .build();
    }

    public static void main(String[] args) {
        FrontDeskScenario.run(core(), "ana@example.com", System.out);
    }
}
