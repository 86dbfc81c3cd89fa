import com.qleven.adapters.crypto.AesGcmFieldCipher;
import com.qleven.adapters.crypto.MasterKeys;
import com.qleven.adapters.memory.InMemoryStore;
import com.qleven.domain.clients.ClientNames;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.shared.out.UnitLocal;
import com.qleven.ports.shared.out.WrappedKey;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The encryption work of one client request, on one thread, as docs/benchmarks.md "Clients" reports
 * it: what creating a client asks of the cipher (a new data key for the client, wrapped by the
 * master key; five fields sealed with AES-256-GCM; HMAC blind indexes of phone and email; an HMAC
 * per name token) and what a search by phone asks (the phone's blind index; five fields opened).
 * Also counts the calls to the data-key store, which on PostgreSQL are queries. Each request runs in
 * a unit of work, as the host runs it, so the cipher reads a data key once per unit; the same
 * requests are then run by a cipher built without transactions, which reads the store on every
 * field (what every cipher did before issue 8).
 *
 * java -cp qleven-host/target/qleven-host.jar bench/EncryptionOverhead.java 50000
 */
public final class EncryptionOverhead {
    /** CPU time of this thread, not wall time: other processes on the machine do not count. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
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

    /** Units of work as bare as they get (a map per unit on the thread), so that only the cipher is timed. */
    static final class BareUnits implements Transactions {
        private final ThreadLocal<Map<UnitLocal<?>, Object>> open = new ThreadLocal<>();

        @Override
        public <T> T inTenant(TenantId tenant, Supplier<T> work) {
            return global(work);
        }

        @Override
        public <T> T global(Supplier<T> work) {
            if (open.get() != null) {
                return work.get();
            }
            open.set(new HashMap<>());
            try {
                return work.get();
            } finally {
                open.remove();
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<T> unitLocal(UnitLocal<T> local) {
            Map<UnitLocal<?>, Object> values = open.get();
            return values == null ? Optional.empty()
                    : Optional.of((T) values.computeIfAbsent(local, l -> local.initialValue()));
        }
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args.length > 0 ? args[0] : "50000");
        MasterKeys keys = MasterKeys.parse(MasterKeys.newKeyFile(), "bench");
        BareUnits units = new BareUnits();
        AtomicLong calls = new AtomicLong();
        run("per unit of work", new AesGcmFieldCipher(keys, indexed(new InMemoryStore().dataKeys(), calls), units),
                units, calls, n);
        AtomicLong uncached = new AtomicLong();
        run("without transactions", new AesGcmFieldCipher(keys, indexed(new InMemoryStore().dataKeys(), uncached)),
                units, uncached, n);
    }

    private static void run(String label, FieldCipher cipher, Transactions units, AtomicLong calls, int n) {
        Optional<TenantId> tenant = Optional.of(new TenantId(UUID.randomUUID()));
        for (int round = 0; round < 3; round++) {
            UUID[] ids = new UUID[n];
            byte[][][] sealed = new byte[n][][];
            calls.set(0);
            long started = CPU.getCurrentThreadCpuTime();
            long tokens = 0;
            for (int i = 0; i < n; i++) {
                ids[i] = UUID.randomUUID();
                int at = i;
                tokens += units.inTenant(tenant.orElseThrow(), () -> {
                    KeyScope scope = new KeyScope("client", ids[at]);
                    sealed[at] = new byte[FIELDS.length][];
                    for (int f = 0; f < FIELDS.length; f++) {
                        sealed[at][f] = cipher.encrypt(scope, aad(FIELDS[f], tenant, ids[at]), VALUES[f]);
                    }
                    cipher.blindIndex("client.phone", tenant, VALUES[1]);
                    cipher.blindIndex("client.email", tenant, VALUES[2]);
                    long made = 0;
                    for (String token : ClientNames.tokens(VALUES[0])) {
                        cipher.blindIndex("client.name_token", tenant, token);
                        made++;
                    }
                    return made;
                });
            }
            double create = (CPU.getCurrentThreadCpuTime() - started) / 1e3 / n;
            double createCalls = (double) calls.getAndSet(0) / n;
            started = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                int at = i;
                units.inTenant(tenant.orElseThrow(), () -> {
                    cipher.blindIndex("client.phone", tenant, VALUES[1]);
                    for (int f = 0; f < FIELDS.length; f++) {
                        cipher.decrypt(aad(FIELDS[f], tenant, ids[at]), sealed[at][f]);
                    }
                });
            }
            double search = (CPU.getCurrentThreadCpuTime() - started) / 1e3 / n;
            double searchCalls = (double) calls.get() / n;
            if (round == 2) {
                System.out.printf("%s: create: %.1f us of encryption CPU (a new data key, 5 fields, 2 blind indexes,"
                        + " %d name tokens), %.0f data-key store calls%n", label, create, tokens / n, createCalls);
                System.out.printf("%s: search by phone, one client found: %.1f us of encryption CPU (1 blind index,"
                        + " 5 fields opened), %.0f data-key store calls%n", label, search, searchCalls);
            }
        }
    }

    private static String aad(String field, Optional<TenantId> tenant, UUID id) {
        return "client|" + field + "|" + tenant.orElseThrow() + "|" + id;
    }
}
