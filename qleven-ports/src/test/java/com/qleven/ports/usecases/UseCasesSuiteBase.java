package com.qleven.ports.usecases;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.ports.audit.out.ChainSigner;
import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.shared.out.PhoneNumbers;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.tenancy.in.AddUserCommand;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignInCommand;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What every use-case suite takes from its store: a runner names its {@link UseCasesFixture} and
 * nothing else, the suites build their {@link Qleven} from the adapters here. A new suite extends
 * this class; its runners are {@code InMemory…Test} returning {@code InMemoryUseCases.FIXTURE} and
 * {@code Postgres…Test} registering a {@code PostgresUseCases} extension and returning its fixture.
 */
public abstract class UseCasesSuiteBase {

    /** The store and adapters of the runner (the same instance for every test of a class). */
    protected abstract UseCasesFixture fixture();

    /** A store for one test; tests never assume it is empty. */
    protected QlevenStore newStore() {
        return fixture().newStore();
    }

    /** The cipher over the store's data keys, once per unit of work of its transactions. */
    protected FieldCipher cipher(QlevenStore store) {
        return cipher(store.shared().dataKeys(), store.shared().transactions());
    }

    /** The production cipher over these data keys, reading each key once per unit of {@code transactions}. */
    protected FieldCipher cipher(DataKeys dataKeys, Transactions transactions) {
        return fixture().cipher(dataKeys, transactions);
    }

    /** A cheap hasher: these tests are not about hashing cost. */
    protected PasswordHasher hasher() {
        return fixture().hasher();
    }

    /** The audit chains' keyed hash. */
    protected ChainSigner chainSigner() {
        return fixture().chainSigner();
    }

    /** Reads phones as typed (libphonenumber in the phone adapter). */
    protected PhoneNumbers phoneNumbers() {
        return fixture().phoneNumbers();
    }

    /**
     * A builder with the store and every required adapter but the clock (a cheap password hasher:
     * these tests are not about hashing cost).
     */
    protected Qleven.Builder core(QlevenStore store) {
        return core(store, cipher(store));
    }

    /** {@link #core(QlevenStore)} with this cipher, for a suite that also hands it to services of its own. */
    protected Qleven.Builder core(QlevenStore store, FieldCipher cipher) {
        return Qleven.builder().store(store).cipher(cipher).passwordHasher(hasher()).chainSigner(chainSigner())
                .phoneNumbers(phoneNumbers());
    }

    /**
     * A client at an address no other test uses: stores outlive a test, and sign-ups and failures
     * are also counted per address.
     */
    protected static ClientInfo clientAtAnAddressOfItsOwn(String userAgent, Optional<String> country) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new ClientInfo("10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255),
                userAgent, country);
    }

    /** The password every suite gives the people it signs up and adds. */
    protected static final String STAFF_PASSWORD = "correct horse battery";

    /** Adds a member of {@code role} to the administrator's center and signs them in from {@code from}. */
    protected static Principal staff(Qleven qleven, Principal admin, String role, ClientInfo from) {
        String email = role + "-" + UUID.randomUUID() + "@example.com";
        qleven.tenancy().addUser(admin, AddUserCommand.builder()
                .fullName("Staff " + role).email(email).role(role).password(STAFF_PASSWORD).ageConfirmed(true).build());
        return signIn(qleven, email, from);
    }

    /** Signs the account in (with {@link #STAFF_PASSWORD}) from {@code from}, as the principal of its only center. */
    protected static Principal signIn(Qleven qleven, String email, ClientInfo from) {
        return qleven.tenancy().authenticate(
                qleven.tenancy().signIn(new SignInCommand(email, STAFF_PASSWORD, Optional.empty(), from)).token());
    }
}
