package com.qleven.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.KeyScope;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The cipher keeps one {@code Cipher} and one {@code Mac} per thread: many threads sealing, opening
 * and indexing at once all get their own values back, and every blind index equals an HMAC computed
 * here with a fresh {@code Mac}.
 */
class CipherThreadsTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 400;

    @Test
    void manyThreadsSealOpenAndIndexAtOnceAndEveryValueRoundTrips() throws Exception {
        MasterKeys master = MasterKeys.parse(MasterKeys.newKeyFile(), "test");
        AesGcmFieldCipher cipher = new AesGcmFieldCipher(master, new MapDataKeys());
        Optional<TenantId> tenant = Optional.of(new TenantId(UUID.randomUUID()));
        List<KeyScope> scopes = List.of(new KeyScope("client", UUID.randomUUID()),
                new KeyScope("client", UUID.randomUUID()), KeyScope.account(UUID.randomUUID()));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    int checked = 0;
                    for (int i = 0; i < ROUNDS; i++) {
                        String value = "value " + thread + "-" + i + " ".repeat(i % 40);
                        String place = "client|notes|" + thread + "|" + i;
                        byte[] sealed = cipher.encrypt(scopes.get(i % scopes.size()), place, value);
                        assertThat(cipher.decrypt(place, sealed)).isEqualTo(value);
                        String phone = "+3460011" + String.format("%04d", (thread * ROUNDS + i) % 10_000);
                        assertThat(cipher.blindIndex("client.phone", tenant, phone))
                                .isEqualTo(expected(master, "client.phone|" + tenant.orElseThrow(), phone));
                        checked++;
                    }
                    return checked;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(THREADS * ROUNDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private static BlindIndex expected(MasterKeys master, String name, String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(master.derive("blind-index|" + name), "HmacSHA256"));
        return new BlindIndex(HexFormat.of().formatHex(mac.doFinal(value.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }
}
