import com.qleven.adapters.crypto.AesGcmFieldCipher;
import com.qleven.adapters.crypto.MasterKeys;
import com.qleven.adapters.memory.InMemoryStore;
import com.qleven.domain.clients.ClientNames;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.shared.out.WrappedKey;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The encryption work of one client request, on one thread, as docs/benchmarks.md "Clients" reports
 * it: what creating a client asks of the cipher (a new data key for the client, wrapped by the
 * master key; five fields sealed with AES-256-GCM; HMAC blind indexes of phone and email; an HMAC
 * per name token) and what a search by phone asks (the phone's blind index; five fields opened, the
 * data key cached). Also counts the calls to the data-key store, which on PostgreSQL are queries.
 *
 * java -cp qleven-host/target/qleven-host.jar bench/EncryptionOverhead.java 50000
 */
public final class EncryptionOverhead {
    private static final String[] FIELDS = {"fullName", "phone", "email", "birthDate", "notes"};
    private static final String[] VALUES = {"Lucía Fernández-Ruiz", "+34600111222", "lucia.fernandez@example.com",
            "1990-04-12", "Allergic to latex; sensitive skin, no retinoids."};

    /** The data-key store as hash maps, counting calls, so that only the cipher's own work is timed. */
    static DataKeys indexed(DataKeys inner, AtomicLong calls) {
        Map<Object, WrappedKey> byScope = new ConcurrentHashMap<>();
        Map<Object, WrappedKey> byId = new ConcurrentHashMap<>();
        return (DataKeys) Proxy.newProxyInstance(DataKeys.class.getClassLoader(), new Class<?>[] {DataKeys.class},
                (proxy, method, args) -> {
                    calls.incrementAndGet();
                    switch (method.getName()) {
                        case "current":
                            return Optional.ofNullable(byScope.get(args[0]));
                        case "byId":
                            return Optional.ofNullable(byId.get(args[0]));
                        case "addIfAbsent":
                            WrappedKey key = (WrappedKey) args[0];
                            WrappedKey kept = byScope.putIfAbsent(key.scope(), key);
                            byId.putIfAbsent(key.id(), key);
                            return kept == null ? key : kept;
                        default:
                            try {
                                return method.invoke(inner, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args.length > 0 ? args[0] : "50000");
        AtomicLong calls = new AtomicLong();
        FieldCipher cipher = new AesGcmFieldCipher(MasterKeys.parse(MasterKeys.newKeyFile(), "bench"),
                indexed(new InMemoryStore().dataKeys(), calls));
        Optional<TenantId> tenant = Optional.of(new TenantId(UUID.randomUUID()));
        for (int round = 0; round < 3; round++) {
            UUID[] ids = new UUID[n];
            byte[][][] sealed = new byte[n][][];
            calls.set(0);
            long started = System.nanoTime();
            long tokens = 0;
            for (int i = 0; i < n; i++) {
                ids[i] = UUID.randomUUID();
                KeyScope scope = new KeyScope("client", ids[i]);
                sealed[i] = new byte[FIELDS.length][];
                for (int f = 0; f < FIELDS.length; f++) {
                    sealed[i][f] = cipher.encrypt(scope, aad(FIELDS[f], tenant, ids[i]), VALUES[f]);
                }
                cipher.blindIndex("client.phone", tenant, VALUES[1]);
                cipher.blindIndex("client.email", tenant, VALUES[2]);
                for (String token : ClientNames.tokens(VALUES[0])) {
                    cipher.blindIndex("client.name_token", tenant, token);
                    tokens++;
                }
            }
            double create = (System.nanoTime() - started) / 1e3 / n;
            double createCalls = (double) calls.getAndSet(0) / n;
            started = System.nanoTime();
            for (int i = 0; i < n; i++) {
                cipher.blindIndex("client.phone", tenant, VALUES[1]);
                for (int f = 0; f < FIELDS.length; f++) {
                    cipher.decrypt(aad(FIELDS[f], tenant, ids[i]), sealed[i][f]);
                }
            }
            double search = (System.nanoTime() - started) / 1e3 / n;
            double searchCalls = (double) calls.get() / n;
            if (round > 0) {
                System.out.printf("create: %.1f us of encryption (a new data key, 5 fields, 2 blind indexes, %d name"
                        + " tokens), %.0f data-key store calls%n", create, tokens / n, createCalls);
                System.out.printf("search by phone, one client found: %.1f us of encryption (1 blind index, 5 fields"
                        + " opened), %.0f data-key store calls with the key cached%n", search, searchCalls);
            }
        }
    }

    private static String aad(String field, Optional<TenantId> tenant, UUID id) {
        return "client|" + field + "|" + tenant.orElseThrow() + "|" + id;
    }
}
