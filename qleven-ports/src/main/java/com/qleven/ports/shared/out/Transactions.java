package com.qleven.ports.shared.out;

import com.qleven.domain.shared.TenantId;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Units of work. Everything a use case writes inside one call commits together or not at all.
 * A unit of work opened for a center sees only that center's rows (row-level security in
 * PostgreSQL); it may also touch the global tables (accounts, directory). Nested calls join the
 * unit of work already open on the thread, for the same center; opening another center's unit
 * inside one is a programming error.
 */
public interface Transactions {

    <T> T inTenant(TenantId tenant, Supplier<T> work);

    /** A unit of work on the global tables only: no center's rows are visible in it. */
    <T> T global(Supplier<T> work);

    /**
     * This unit's value of {@code local} when a unit of work is open on the thread, made on first use
     * in the unit; empty outside any unit. The value is the unit's alone and is dropped when the
     * unit ends, committed or rolled back; also, since what a unit read may no longer hold after
     * them, when a nested call fails inside the unit and when the unit shreds a data key
     * ({@link DataKeys#shred}): the next use then starts from a new value. An implementation
     * without such values returns empty, which callers treat as "no cache".
     */
    default <T> Optional<T> unitLocal(UnitLocal<T> local) {
        return Optional.empty();
    }

    /**
     * Binds the global unit of work open on the thread to {@code tenant}: from here on, in the same
     * transaction, it is that center's unit (it sees that center's rows, and that center's nested
     * units join it). For work that must find its center in the global tables first, such as a
     * request's session by its token: one transaction instead of two. Only the outermost unit, while
     * still global, may be bound; binding a unit already
     * bound to that center does nothing.
     *
     * @throws IllegalStateException when no global unit of work is open on the thread
     */
    void bindTenant(TenantId tenant);

    /**
     * A unit of work that begins by finding its center: the directory's row for the session token
     * of hash {@code tokenHash}. The unit is bound to that row's center (global when there is no
     * row or the session is an operator's) before {@code work} runs with the row, all in one
     * transaction. {@link com.qleven.ports.tenancy.out.SessionGate#composed} opens a request's unit
     * this way; a store that can do it in one statement gives its own gate instead.
     */
    default <T> T bySessionToken(String tokenHash, Directory directory,
                                 Function<Optional<Directory.SessionToken>, T> work) {
        return global(() -> {
            Optional<Directory.SessionToken> entry = directory.sessionByTokenHash(tokenHash);
            entry.flatMap(Directory.SessionToken::tenantId).ifPresent(this::bindTenant);
            return work.apply(entry);
        });
    }

    /**
     * Runs {@code action} once the unit of work open on the thread has committed, on this thread,
     * after the commit (in the order given); never when the unit rolls back. Outside any unit it runs at
     * once. For what must not happen unless the unit's writes hold, such as telling a broker outside the
     * store: the action should not throw, since the unit's work has committed by then. An implementation
     * without units of its own runs it at once.
     */
    default void afterCommit(Runnable action) {
        action.run();
    }

    default void inTenant(TenantId tenant, Runnable work) {
        inTenant(tenant, () -> {
            work.run();
            return null;
        });
    }

    default void global(Runnable work) {
        global(() -> {
            work.run();
            return null;
        });
    }
}
