package com.qleven.application.shared;

import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.ValidationException;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdempotencyRecords;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.util.Base64;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs a create or an action at most once per {@code Idempotency-Key} and center, the way Stripe
 * does: the key is claimed, the work done and its answer saved in one unit of work, so a retry after
 * a lost answer gets the first answer again instead of a second effect. The same key with another
 * request is refused (422); a key whose first request is still running is a conflict (409). A
 * request that fails saves nothing, so it may be retried with the same key. Answers may hold
 * personal data and are stored encrypted.
 */
public final class Idempotency {
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");
    private final Transactions transactions;
    private final IdempotencyRecords records;
    private final FieldCipher cipher;
    private final Clock clock;

    public Idempotency(Transactions transactions, IdempotencyRecords records, FieldCipher cipher, Clock clock) {
        this.transactions = transactions;
        this.records = records;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Whether a key has the shape API.md allows: 1 to 255 visible ASCII characters. */
    public static void checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ValidationException("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
    }

    /**
     * @param requestHash a digest of what makes the request this request (method, path, body)
     * @param work the create or action; it joins the unit of work opened here
     * @param encode and {@code decode} turn its answer into bytes and back, for the replay
     */
    public <T> T run(TenantId tenant, String key, String requestHash, Supplier<T> work, Function<T, byte[]> encode,
                     Function<byte[], T> decode) {
        checkKey(key);
        String place = "idempotency|" + tenant + "|" + key;
        return transactions.inTenant(tenant, () -> {
            IdempotencyRecords.Claim claim = records.claim(tenant, key);
            if (claim instanceof IdempotencyRecords.Busy) {
                throw new ConflictException("a request with this Idempotency-Key is still being processed; retry later");
            }
            if (claim instanceof IdempotencyRecords.Done done) {
                if (!done.requestHash().equals(requestHash)) {
                    throw new UnprocessableException("Idempotency-Key", "was already used with a different request");
                }
                return decode.apply(Base64.getDecoder().decode(cipher.decrypt(place, done.answer())));
            }
            T answer = work.get();
            byte[] sealed = cipher.encrypt(new KeyScope("idempotency", tenant.value()), place,
                    Base64.getEncoder().encodeToString(encode.apply(answer)));
            records.save(tenant, key, requestHash, sealed, clock.instant());
            return answer;
        });
    }
}
