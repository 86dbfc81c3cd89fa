package com.qleven.application.shared;

import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdempotencyRecords;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.shared.out.OperationalRecords;
import com.qleven.ports.shared.out.Transactions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs a create or an action at most once per {@code Idempotency-Key}, center and caller, the way
 * Stripe does: the key is claimed, the work done and its answer saved in one unit of work, so a
 * retry after a lost answer gets the first answer again instead of a second effect. The same key
 * with another request is refused (422); a key whose first request is still running is a conflict
 * (409). A request that fails saves nothing, so it may be retried with the same key.
 *
 * <p>What the caller can rely on: a key belongs to the center and the caller (an account or API
 * key; a platform operator's keys to the operator), so two people at one desk never get each
 * other's answers; a replay checks the caller's permission again, so a role that lost it gets 403,
 * not the stored answer; a record lives {@link #LIFETIME} and is then treated as never made (a
 * housekeeping job deletes it); the request is remembered by a keyed HMAC, never by a plain digest
 * of a body that may carry a password. What is kept of the answer is the caller's choice
 * ({@code encode}): answers that carry personal data should keep only what finds the resource again,
 * so that an erasure leaves nothing in a stored answer.
 */
public final class Idempotency {
    /** How long a key answers with its first answer. */
    public static final Duration LIFETIME = Duration.ofHours(24);
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");
    private static final String REQUEST_INDEX = "idempotency_request";
    private static final String PUBLIC_CALLER_INDEX = "idempotency_public_caller";
    private final Transactions transactions;
    private final IdempotencyRecords records;
    private final OperationalRecords housekeeping;
    private final FieldCipher cipher;
    private final Clock clock;

    public Idempotency(Transactions transactions, IdempotencyRecords records, OperationalRecords housekeeping,
                       FieldCipher cipher, Clock clock) {
        this.transactions = transactions;
        this.records = records;
        this.housekeeping = housekeeping;
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
     * @param principal who sends the request: the key is scoped to its center and to it
     * @param permission what the work requires; a replay requires it again
     * @param request what makes the request this request (method, path, body), remembered only as a keyed HMAC
     * @param work the create or action; it joins the unit of work opened here
     * @param encode and {@code decode} turn its answer into what is kept and back, for the replay
     */
    public <T> T run(Principal principal, Permission permission, String key, byte[] request, Supplier<T> work,
                     Function<T, byte[]> encode, Function<byte[], T> decode) {
        return run(principal, principal.tenantId(), permission, key, request, work, encode, decode);
    }

    /**
     * {@link #run(Principal, Permission, String, byte[], Supplier, Function, Function)} for work that
     * acts in {@code center} rather than the caller's own (a person accepting a membership of a
     * center they do not belong to yet): the key is kept there, scoped to the caller, in the unit of
     * work the action joins.
     */
    public <T> T run(Principal principal, Optional<TenantId> center, Permission permission, String key,
                     byte[] request, Supplier<T> work, Function<T, byte[]> encode, Function<byte[], T> decode) {
        return scoped(center, principal.userId().value(), () -> Permissions.require(principal, permission), key,
                request, work, encode, decode);
    }

    /**
     * {@link #run(Principal, Permission, String, byte[], Supplier, Function, Function)} for a caller
     * of the public routes, who has no account: the key is kept in {@code center}, scoped to the
     * caller's address (only a keyed hash of it: another address never gets this answer), and a
     * replay checks no permission, since the route asks none.
     */
    public <T> T runPublic(TenantId center, String clientAddress, String key, byte[] request, Supplier<T> work,
                           Function<T, byte[]> encode, Function<byte[], T> decode) {
        Objects.requireNonNull(center, "center");
        String address = cipher.blindIndex(PUBLIC_CALLER_INDEX, Optional.of(center),
                clientAddress == null ? "unknown" : clientAddress).hex();
        UUID caller = UUID.nameUUIDFromBytes(("public|" + address).getBytes(StandardCharsets.UTF_8));
        return scoped(Optional.of(center), caller, () -> { }, key, request, work, encode, decode);
    }

    private <T> T scoped(Optional<TenantId> center, UUID caller, Runnable recheck, String key, byte[] request,
                         Supplier<T> work, Function<T, byte[]> encode, Function<byte[], T> decode) {
        checkKey(key);
        Optional<TenantId> tenant = center;
        IdempotencyRecords.Scope scope = new IdempotencyRecords.Scope(tenant, caller);
        String place = "idempotency|" + tenant.map(TenantId::toString).orElse("platform") + "|" + scope.caller()
                + "|" + key;
        Supplier<T> unit = () -> {
            String requestHash = cipher.blindIndex(REQUEST_INDEX, tenant,
                    Base64.getEncoder().encodeToString(request)).hex();
            Instant now = clock.instant();
            IdempotencyRecords.Claim claim = records.claim(scope, key);
            if (claim instanceof IdempotencyRecords.Busy) {
                throw new ConflictException("a request with this Idempotency-Key is still being processed; retry later");
            }
            if (claim instanceof IdempotencyRecords.Done done) {
                if (!done.createdAt().plus(LIFETIME).isAfter(now)) {
                    records.forget(scope, key);
                } else {
                    recheck.run();
                    if (!done.requestHash().equals(requestHash)) {
                        throw new UnprocessableException("Idempotency-Key", "was already used with a different request");
                    }
                    return decode.apply(Base64.getDecoder().decode(cipher.decrypt(place, done.answer())));
                }
            }
            T answer = work.get();
            KeyScope sealing = tenant.map(t -> new KeyScope("idempotency", t.value()))
                    .orElseGet(() -> new KeyScope("platform_idempotency", scope.caller()));
            byte[] sealed = cipher.encrypt(sealing, place, Base64.getEncoder().encodeToString(encode.apply(answer)));
            records.save(scope, key, requestHash, sealed, now);
            tenant.ifPresent(t -> housekeeping.markDue(t, now.plus(LIFETIME)));
            return answer;
        };
        return tenant.isPresent() ? transactions.inTenant(tenant.get(), unit) : transactions.global(unit);
    }
}
