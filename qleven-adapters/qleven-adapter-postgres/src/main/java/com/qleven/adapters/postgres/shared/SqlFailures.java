package com.qleven.adapters.postgres.shared;

import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.InfrastructureException;
import com.qleven.domain.shared.QlevenException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Turns database failures into the SDK's exceptions. Messages carry the SQLSTATE and never the
 * server's detail, which may quote row values (ciphertext, blind indexes); the cause keeps them for
 * the operator's logs.
 */
public final class SqlFailures {
    /** Serialization failure, deadlock, and the server going away or starting up: a retry may succeed. */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "57P01", "57P02", "57P03", "53300");

    private SqlFailures() {
    }

    /** The exception to throw for {@code failure} while doing {@code action} ("list memberships"). */
    public static QlevenException translate(String action, Throwable failure) {
        if (failure instanceof QlevenException q) {
            return q;
        }
        SQLException sql = sqlCause(failure);
        String state = sql == null ? null : sql.getSQLState();
        if ("23505".equals(state) || "23P01".equals(state)) {
            return new ConflictException("cannot " + action + ": it conflicts with what is already stored");
        }
        boolean retryable = isRetryable(failure, state);
        String message = "database failure: cannot " + action + (state == null ? "" : " (SQLSTATE " + state + ")");
        return new InfrastructureException(message, retryable, failure);
    }

    /** True when the failure is of the kind that may pass: a lost connection, a deadlock, a restart. */
    public static boolean isRetryable(Throwable failure) {
        SQLException sql = sqlCause(failure);
        return isRetryable(failure, sql == null ? null : sql.getSQLState());
    }

    private static boolean isRetryable(Throwable failure, String state) {
        if (state != null && (state.startsWith("08") || RETRYABLE.contains(state))) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof java.net.ConnectException || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The first SQLException in the cause chain, preferring one that carries a SQLSTATE. */
    static SQLException sqlCause(Throwable failure) {
        SQLException first = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                if (s.getSQLState() != null) {
                    return s;
                }
                if (first == null) {
                    first = s;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return first;
    }
}
