package io.feedbackloop.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransientFailuresTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                // passes by itself: retried for as long as it lasts
                transient_("connection refused", new ConnectException("Connection refused")),
                transient_("connection lost (SQLSTATE 08006)", sql("08006")),
                transient_("cannot connect (SQLSTATE 08001), wrapped by Hibernate",
                        new PersistenceException(new GenericJDBCException("could not connect", sql("08001")))),
                transient_("too many connections (SQLSTATE 53300)", sql("53300")),
                transient_("server shutting down (SQLSTATE 57P01)", sql("57P01")),
                transient_("statement timeout (SQLSTATE 57014)", sql("57014")),
                transient_("serialization failure (SQLSTATE 40001)", sql("40001")),
                transient_("deadlock (SQLSTATE 40P01)", sql("40P01")),
                transient_("lock timeout (SQLSTATE 55P03)", sql("55P03")),
                transient_("a JDBC timeout", new SQLTimeoutException("timed out")),
                transient_("a transient JDBC connection failure", new SQLTransientConnectionException("gone")),
                transient_("a socket timeout deep in the chain",
                        new IllegalStateException(new RuntimeException(new SocketTimeoutException("Read timed out")))),
                transient_("a timeout", new TimeoutException("no answer")),
                transient_("connection pool exhausted (Agroal)", new PersistenceException(
                        new GenericJDBCException("Unable to acquire JDBC Connection",
                                new SQLException("Sorry, acquisition timeout!")))),
                transient_("a JPA lock timeout", new jakarta.persistence.LockTimeoutException("lock")),
                transient_("a JPA query timeout", new jakarta.persistence.QueryTimeoutException("slow")),
                transient_("a JPA pessimistic lock failure", new jakarta.persistence.PessimisticLockException("lock")),
                transient_("a concurrent update of the same row", new OptimisticLockException("row changed")),
                transient_("a stale row, as Hibernate reports it", new StaleObjectStateException("Case", 1)),
                transient_("a data key another topic has not brought yet",
                        new io.feedbackloop.kit.privacy.KeyNotYetDeliveredException("key 7 not delivered yet")),
                transient_("a service's own wait for another topic, wrapped", new IllegalStateException(
                        new NotDeliveredYetException("contact of c-42 not delivered yet") { })),
                // never passes: retried a few times, then dead-lettered
                permanent("a duplicate key (SQLSTATE 23505)", sql("23505")),
                permanent("a foreign key violation (SQLSTATE 23503)", sql("23503")),
                permanent("a value too long (SQLSTATE 22001)", sql("22001")),
                permanent("an unknown table (SQLSTATE 42P01)", sql("42P01")),
                permanent("an integrity violation", new SQLIntegrityConstraintViolationException("duplicate")),
                permanent("a JDBC failure without SQLSTATE", new SQLException("something else")),
                permanent("a bug", new NullPointerException()),
                permanent("a rule of the service", new IllegalArgumentException("no such team")),
                permanent("a poison event", new PoisonEventException("unreadable")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void classifies(String failure, Throwable exception, boolean expectedTransient) {
        assertEquals(expectedTransient, TransientFailures.isTransient(exception));
    }

    private static Arguments transient_(String name, Throwable failure) {
        return Arguments.of("transient: " + name, failure, true);
    }

    private static Arguments permanent(String name, Throwable failure) {
        return Arguments.of("permanent: " + name, failure, false);
    }

    private static SQLException sql(String state) {
        return new SQLException("ERROR (" + state + ")", state);
    }
}
