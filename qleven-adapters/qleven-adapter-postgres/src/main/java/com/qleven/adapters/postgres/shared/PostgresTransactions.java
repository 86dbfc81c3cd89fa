package com.qleven.adapters.postgres.shared;

import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.shared.out.UnitLocal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Units of work bound to the calling thread: one pooled connection and one database transaction
 * each. The first statement of every transaction sets {@code qleven.tenant_id} for that
 * transaction only (empty in a global unit), so row-level security shows the unit's center and
 * nothing leaks to the next borrower of the connection.
 *
 * <p>The adapter's repositories run their statements through {@link #withHandle}: inside the
 * thread's unit of work when one is open, otherwise in a short unit of their own.
 */
public final class PostgresTransactions implements Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresTransactions.class);
    private static final String SET_TENANT = "SELECT set_config('qleven.tenant_id', :tenant, true)";

    private final Jdbi jdbi;
    // Per instance, so that two stores in one JVM never join each other's units.
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    /** An open unit; {@code locals} holds its unit-local values, touched by its own thread only. */
    private record Unit(Handle handle, Optional<TenantId> tenant, Map<UnitLocal<?>, Object> locals,
                        List<Runnable> afterCommit) {
        Unit(Handle handle, Optional<TenantId> tenant) {
            this(handle, tenant, new HashMap<>(), new ArrayList<>());
        }
    }

    public PostgresTransactions(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public <T> T inTenant(TenantId tenant, Supplier<T> work) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(work, "work");
        Unit open = current.get();
        if (open == null) {
            return run(Optional.of(tenant), work);
        }
        if (open.tenant().isEmpty()) {
            throw new IllegalStateException("a unit of work for center " + tenant
                    + " cannot open inside a global unit of work on the same thread");
        }
        if (!open.tenant().get().equals(tenant)) {
            throw new IllegalStateException("a unit of work for center " + open.tenant().get()
                    + " is open on this thread; one for center " + tenant + " cannot open inside it");
        }
        return nested(open, work);
    }

    @Override
    public <T> T global(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        Unit open = current.get();
        if (open != null) {
            return nested(open, work);
        }
        return run(Optional.empty(), work);
    }

    /**
     * Work joining the open unit. When it fails, what it wrote may be undone while the unit goes on
     * (a caller may catch the failure), so the unit forgets what it kept in its unit-locals.
     */
    private static <T> T nested(Unit open, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            open.locals().clear();
            throw e;
        }
    }

    @Override
    public <T> Optional<T> unitLocal(UnitLocal<T> local) {
        Objects.requireNonNull(local, "local");
        Unit open = current.get();
        if (open == null) {
            return Optional.empty();
        }
        Object value = open.locals().get(local);
        if (value == null) {
            value = local.initialValue();
            open.locals().put(local, value);
        }
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return Optional.of(typed);
    }

    /** Drops the open unit's unit-local values, if a unit is open: a data key was shredded in it. */
    void forgetUnitLocals() {
        Unit open = current.get();
        if (open != null) {
            open.locals().clear();
        }
    }

    @Override
    public void bindTenant(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        Unit open = current.get();
        if (open != null && open.tenant().equals(Optional.of(tenant))) {
            return;
        }
        if (open == null || open.tenant().isPresent()) {
            throw new IllegalStateException("only a global unit of work can be bound to center " + tenant);
        }
        try {
            setTenant(open.handle(), Optional.of(tenant));
        } catch (JdbiException e) {
            throw SqlFailures.translate("bind a unit of work to its center", e);
        }
        current.set(new Unit(open.handle(), Optional.of(tenant), open.locals(), open.afterCommit()));
    }

    /** The center of the unit of work open on this thread; empty for a global unit or none. */
    public Optional<TenantId> currentTenant() {
        Unit open = current.get();
        return open == null ? Optional.empty() : open.tenant();
    }

    /**
     * Runs statements on the thread's unit of work; with none open, in a short unit of work for
     * {@code scope} (a center, or empty for the global tables). Database failures become the SDK's
     * exceptions, described as failing to do {@code action}.
     */
    public <T> T withHandle(Optional<TenantId> scope, String action, Function<Handle, T> statements) {
        Unit open = current.get();
        if (open == null) {
            return run(scope, () -> withHandle(scope, action, statements));
        }
        try {
            return statements.apply(open.handle());
        } catch (JdbiException e) {
            open.locals().clear();
            throw SqlFailures.translate(action, e);
        }
    }

    /** {@link #withHandle(Optional, String, Function)} on the global tables. */
    public <T> T withHandle(String action, Function<Handle, T> statements) {
        return withHandle(Optional.empty(), action, statements);
    }

    /**
     * A unit of work, none being open on the thread, whose transaction's first statement is
     * {@code first}: a statement that reads what the unit needs to begin and sets
     * {@code qleven.tenant_id} itself, to the center {@code centerOf} then answers for what it read
     * (empty: global). {@code work} runs with what it read, in that unit. One round trip where a
     * unit found by a token would otherwise take two or more.
     *
     * @throws IllegalStateException when a unit of work is already open on the thread
     */
    public <R, T> T openedBy(Function<Handle, R> first, Function<R, Optional<TenantId>> centerOf,
                             Function<R, T> work) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(centerOf, "centerOf");
        Objects.requireNonNull(work, "work");
        if (current.get() != null) {
            throw new IllegalStateException("a unit of work is already open on this thread");
        }
        AtomicReference<R> read = new AtomicReference<>();
        return run(handle -> {
            try {
                handle.begin();
                R row = first.apply(handle);
                read.set(row);
                return centerOf.apply(row);
            } catch (JdbiException e) {
                throw SqlFailures.translate("begin a unit of work", e);
            }
        }, () -> work.apply(read.get()));
    }

    @Override
    public void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        Unit open = current.get();
        if (open == null) {
            action.run();
        } else {
            open.afterCommit().add(action);
        }
    }

    /** Whether a unit of work is open on the calling thread. */
    public boolean inUnit() {
        return current.get() != null;
    }

    private <T> T run(Optional<TenantId> tenant, Supplier<T> work) {
        return run(handle -> {
            begin(handle, tenant);
            return tenant;
        }, work);
    }

    /** A unit of work whose {@code begin} begins the transaction and answers the unit's center. */
    private <T> T run(Function<Handle, Optional<TenantId>> begin, Supplier<T> work) {
        Handle handle = open();
        try {
            Optional<TenantId> tenant = begin.apply(handle);
            Unit unit = new Unit(handle, tenant);
            current.set(unit);
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                current.remove();
                rollback(handle, e);
                throw e;
            }
            // The unit may have been rebound to its center (bindTenant): its actions are the same list.
            List<Runnable> actions = current.get().afterCommit();
            current.remove();
            commit(handle);
            actions.forEach(Runnable::run);
            return result;
        } finally {
            current.remove();
            close(handle);
        }
    }

    private Handle open() {
        try {
            return jdbi.open();
        } catch (JdbiException e) {
            throw SqlFailures.translate("open a unit of work", e);
        }
    }

    private static void begin(Handle handle, Optional<TenantId> tenant) {
        try {
            handle.begin();
            setTenant(handle, tenant);
        } catch (JdbiException e) {
            throw SqlFailures.translate("begin a unit of work", e);
        }
    }

    private static void setTenant(Handle handle, Optional<TenantId> tenant) {
        handle.createQuery(SET_TENANT)
                .bind("tenant", tenant.map(t -> t.value().toString()).orElse(""))
                .mapTo(String.class)
                .one();
    }

    private static void commit(Handle handle) {
        try {
            handle.commit();
        } catch (JdbiException e) {
            throw SqlFailures.translate("commit a unit of work", e);
        }
    }

    private static void rollback(Handle handle, Throwable cause) {
        try {
            handle.rollback();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Never throws: it runs in a finally block and must not hide the failure that got there. */
    private static void close(Handle handle) {
        try {
            if (handle.isInTransaction()) {
                handle.rollback();
            }
        } catch (RuntimeException e) {
            LOG.debug("rollback before closing a handle failed", e);
        }
        try {
            handle.close();
        } catch (RuntimeException e) {
            LOG.warn("closing a database handle failed: {}", e.toString());
        }
    }
}
