package com.qleven.adapters.memory;

import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.shared.out.UnitLocal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Units of work over the in-memory maps: one at a time (a single lock), each change registering its
 * undo so that a failing unit leaves nothing behind, and each unit bound to a center the way
 * PostgreSQL's row-level security binds it: rows of other centers are invisible and cannot be written.
 */
final class InMemoryTransactions implements Transactions {
    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    private static final class Unit {
        Optional<TenantId> tenant;
        final Deque<Runnable> undo = new ArrayDeque<>();
        final Map<UnitLocal<?>, Object> locals = new HashMap<>();
        final List<Runnable> afterCommit = new ArrayList<>();

        Unit(Optional<TenantId> tenant) {
            this.tenant = tenant;
        }
    }

    @Override
    public <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return run(Optional.of(tenant), work);
    }

    @Override
    public <T> T global(Supplier<T> work) {
        return run(Optional.empty(), work);
    }

    private <T> T run(Optional<TenantId> tenant, Supplier<T> work) {
        Unit open = current.get();
        if (open != null) {
            if (tenant.isPresent() && !tenant.equals(open.tenant)) {
                throw new IllegalStateException("a unit of work for " + tenant.get()
                        + " cannot open inside " + open.tenant.map(t -> "the unit of " + t).orElse("a global unit"));
            }
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                // as PostgresTransactions: what the unit read may no longer hold once a nested call failed
                open.locals.clear();
                throw e;
            }
        }
        lock.lock();
        Unit unit = new Unit(tenant);
        current.set(unit);
        T result;
        try {
            result = work.get();
            unit.undo.clear();
        } catch (RuntimeException | Error e) {
            while (!unit.undo.isEmpty()) {
                unit.undo.pop().run();
            }
            throw e;
        } finally {
            current.remove();
            lock.unlock();
        }
        unit.afterCommit.forEach(Runnable::run);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        Unit open = current.get();
        if (open == null) {
            action.run();
        } else {
            open.afterCommit.add(action);
        }
    }

    @Override
    public <T> Optional<T> unitLocal(UnitLocal<T> local) {
        Objects.requireNonNull(local, "local");
        Unit unit = current.get();
        if (unit == null) {
            return Optional.empty();
        }
        Object value = unit.locals.get(local);
        if (value == null) {
            value = local.initialValue();
            unit.locals.put(local, value);
        }
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return Optional.of(typed);
    }

    /** Drops the open unit's unit-local values, if a unit is open: a data key was shredded in it. */
    void forgetUnitLocals() {
        Unit unit = current.get();
        if (unit != null) {
            unit.locals.clear();
        }
    }

    @Override
    public void bindTenant(TenantId tenant) {
        Unit unit = current.get();
        if (unit != null && unit.tenant.equals(Optional.of(tenant))) {
            return;
        }
        if (unit == null || unit.tenant.isPresent()) {
            throw new IllegalStateException("only a global unit of work can be bound to " + tenant);
        }
        unit.tenant = Optional.of(java.util.Objects.requireNonNull(tenant, "tenant"));
    }

    /** Runs a repository call inside the open unit, or in a short global unit of its own. */
    <T> T within(Supplier<T> work) {
        return current.get() != null ? work.get() : global(work);
    }

    void within(Runnable work) {
        within(() -> {
            work.run();
            return null;
        });
    }

    /** The center whose rows the open unit may see, if any. */
    Optional<TenantId> tenant() {
        Unit unit = current.get();
        return unit == null ? Optional.empty() : unit.tenant;
    }

    boolean visible(TenantId rowTenant) {
        return tenant().filter(rowTenant::equals).isPresent();
    }

    /** Refuses a write of another center's row, as PostgreSQL's WITH CHECK does. */
    void checkWrite(TenantId rowTenant) {
        if (!visible(rowTenant)) {
            throw new IllegalStateException("row-level security: a row of " + rowTenant
                    + " cannot be written in " + tenant().map(t -> "the unit of " + t).orElse("a global unit"));
        }
    }

    void onRollback(Runnable undo) {
        Unit unit = current.get();
        if (unit == null) {
            throw new IllegalStateException("writes happen inside a unit of work");
        }
        unit.undo.push(undo);
    }

    /** Puts a value that the unit's rollback takes back out (or puts the previous one back). */
    <K, V> void put(java.util.Map<K, V> map, K key, V value) {
        V previous = map.put(key, value);
        onRollback(() -> {
            if (previous == null) {
                map.remove(key);
            } else {
                map.put(key, previous);
            }
        });
    }

    /** Removes a value that the unit's rollback puts back. */
    <K, V> void remove(java.util.Map<K, V> map, K key) {
        V previous = map.remove(key);
        if (previous != null) {
            onRollback(() -> map.put(key, previous));
        }
    }
}
