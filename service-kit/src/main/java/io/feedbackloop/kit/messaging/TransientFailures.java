package io.feedbackloop.kit.messaging;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Tells failures that pass by themselves (a database restart, a deadlock, a concurrent update of
 * the same row, a timeout or an exhausted connection pool under load, a customer's key still on
 * its way) from those that do not.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SocketTimeoutException
                    || cause instanceof TimeoutException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof jakarta.persistence.LockTimeoutException
                    || cause instanceof jakarta.persistence.QueryTimeoutException
                    || cause instanceof org.hibernate.StaleStateException
                    || cause instanceof NotDeliveredYetException) {
                return true;
            }
            if (cause instanceof SQLException sql && (isTransientState(sql.getSQLState()) || isPoolExhausted(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL SQLSTATE classes: 08 connection exception, 53 insufficient resources,
     * 57P operator intervention (server shutting down), 57014 statement timeout,
     * 40001 serialization failure, 40P01 deadlock, 55P03 lock timeout.
     */
    private static boolean isTransientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("57014") || state.equals("40001") || state.equals("40P01") || state.equals("55P03"));
    }

    /** Agroal's "Sorry, acquisition timeout!" carries neither a SQLSTATE nor a cause: only its words tell. */
    private static boolean isPoolExhausted(SQLException sql) {
        return sql.getSQLState() == null && sql.getMessage() != null
                && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
