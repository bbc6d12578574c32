package com.clinicsuite.outbox;

import com.clinicsuite.vocabulary.StoredText;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.common.errors.RetriableException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

/**
 * Tells transient failures (the same work may succeed later: the database or the broker is away, busy, or
 * restarting; a deadlock; a timeout) from permanent ones (everything else: an unreadable payload, a rule the data
 * breaks, a bug). The {@link Inbox} retries the first for as long as it takes and dead-letters the second at once.
 * <p>
 * A service extends the default for its own transient cases: {@code Failures.TRANSIENT.or(e -> e instanceof X)}.
 * Deterministic failures need nothing: throw a domain exception (or {@link PoisonMessageException}) and it is
 * permanent.
 */
public final class Failures {

    /** The default "retryable?" predicate of {@link Inbox#process}. */
    public static final Predicate<Throwable> TRANSIENT = Failures::isTransient;

    /** Types that are transient wherever they appear in the cause chain. */
    private static final List<Class<? extends Throwable>> TRANSIENT_TYPES = List.of(
            ConnectException.class,
            SocketException.class,
            SocketTimeoutException.class,
            UnknownHostException.class,
            ClosedChannelException.class,
            TimeoutException.class,
            io.smallrye.mutiny.TimeoutException.class,
            io.vertx.sqlclient.ClosedConnectionException.class,
            SQLTransientException.class,
            SQLRecoverableException.class,
            JDBCConnectionException.class,
            LockAcquisitionException.class,
            org.hibernate.exception.LockTimeoutException.class,
            org.hibernate.PessimisticLockException.class,
            org.hibernate.QueryTimeoutException.class,
            LockTimeoutException.class,
            PessimisticLockException.class,
            QueryTimeoutException.class,
            RetriableException.class);

    /**
     * What the reactive clients and Hibernate Reactive say, without a type of their own, when a connection is lost or
     * the pool cannot give one (lower case).
     */
    private static final List<String> TRANSIENT_MESSAGES = List.of(
            "connection is closed",
            "connection closed",
            "connection was closed",
            "connection has been closed",
            "connection reset",
            "connection refused",
            "the underlying connection may have been lost",
            "pool closed",
            "pool is closed",
            "pool full",
            "pool is full",
            "max wait queue size",
            "timed out",
            "timeout");

    private Failures() {}

    /** Whether {@code failure} (or one of its causes) is transient; see the class comment. */
    public static boolean isTransient(Throwable failure) {
        if (failure == null || failure instanceof PoisonMessageException) {
            return false;
        }
        if (SqlErrors.sqlState(failure) != null || SqlErrors.vendorCode(failure) != 0) {
            // the database said what went wrong: its code decides (a constraint violation is not worth a retry)
            return SqlErrors.isTransient(failure);
        }
        for (Throwable t : Causes.of(failure)) {
            if (t instanceof PoisonMessageException) {
                return false;
            }
            for (Class<? extends Throwable> type : TRANSIENT_TYPES) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            if (t instanceof WebApplicationException web) {
                int status = web.getResponse() == null ? 0 : web.getResponse().getStatus();
                if (status == 429 || status == 502 || status == 503 || status == 504) {
                    return true;
                }
            }
            if (isVertxOrHibernate(t) && mentionsTransientCondition(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** A short description for logs and dead letters: exception types and SQLSTATE, no database message text. */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        StringBuilder text = new StringBuilder();
        String state = SqlErrors.sqlState(failure);
        if (state != null) {
            // database messages may quote the refused values (personal data): name the error, not its text
            for (Throwable t : Causes.of(failure)) {
                append(text, t.getClass().getName());
            }
            text.append(" (SQLSTATE ").append(state);
            String constraint = SqlErrors.constraint(failure);
            if (constraint != null) {
                text.append(", constraint ").append(constraint);
            }
            return text.append(')').toString();
        }
        for (Throwable t : Causes.of(failure)) {
            append(
                    text,
                    t.getMessage() == null
                            ? t.getClass().getName()
                            : t.getClass().getName() + ": " + t.getMessage());
        }
        return StoredText.cut(text.toString(), 1000);
    }

    private static void append(StringBuilder text, String part) {
        if (!text.isEmpty()) {
            text.append(" <- ");
        }
        text.append(part);
    }

    private static boolean isVertxOrHibernate(Throwable t) {
        String type = t.getClass().getName();
        return type.startsWith("io.vertx.") || type.startsWith("org.hibernate.") || type.startsWith("io.netty.");
    }

    private static boolean mentionsTransientCondition(String message) {
        if (message == null) {
            return false;
        }
        String text = message.toLowerCase(Locale.ROOT);
        return TRANSIENT_MESSAGES.stream().anyMatch(text::contains);
    }
}
