package com.qleven.ports.usecases;

import com.qleven.application.QlevenStore;
import com.qleven.ports.audit.out.ChainSigner;
import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.shared.out.PhoneNumbers;
import com.qleven.ports.shared.out.Transactions;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The adapters a use-case suite runs on, for one kind of store: where the stores come from and the
 * real cipher, password hasher, chain signer and phone numbers wired to them. Each store adapter's
 * tests build one (in memory, on PostgreSQL), and every {@link UseCasesSuiteBase} runner of that
 * adapter names it; a new suite adds no wiring.
 */
public final class UseCasesFixture {
    private final Supplier<? extends QlevenStore> stores;
    private final BiFunction<DataKeys, Transactions, FieldCipher> ciphers;
    private final PasswordHasher hasher;
    private final ChainSigner chainSigner;
    private final PhoneNumbers phoneNumbers;

    /**
     * @param stores the store of a test (a fresh one, or the one of the test class)
     * @param ciphers a field cipher over the data keys, reading each key once per unit of work of the
     *     transactions, as the host wires it
     */
    public UseCasesFixture(Supplier<? extends QlevenStore> stores,
            BiFunction<DataKeys, Transactions, FieldCipher> ciphers, PasswordHasher hasher, ChainSigner chainSigner,
            PhoneNumbers phoneNumbers) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.ciphers = Objects.requireNonNull(ciphers, "ciphers");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.chainSigner = Objects.requireNonNull(chainSigner, "chainSigner");
        this.phoneNumbers = Objects.requireNonNull(phoneNumbers, "phoneNumbers");
    }

    public QlevenStore newStore() {
        return stores.get();
    }

    public FieldCipher cipher(DataKeys dataKeys, Transactions transactions) {
        return ciphers.apply(dataKeys, transactions);
    }

    public PasswordHasher hasher() {
        return hasher;
    }

    public ChainSigner chainSigner() {
        return chainSigner;
    }

    public PhoneNumbers phoneNumbers() {
        return phoneNumbers;
    }
}
