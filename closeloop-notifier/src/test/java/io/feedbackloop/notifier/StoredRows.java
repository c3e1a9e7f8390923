package io.feedbackloop.notifier;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

/**
 * The notifier's database read as text, every table and every column at once (tables added later
 * included): where personal data an erasure left behind, or a late event brought back, would be.
 */
final class StoredRows {

    private StoredRows() {
    }

    /** Every row, as {@code table: row}, whose text contains {@code value} (also ignoring case). */
    static List<String> containing(DataSource dataSource, String value) {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'""");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT CAST(t AS text) FROM \"" + table
                        + "\" t WHERE strpos(CAST(t AS text), ?) > 0 OR strpos(lower(CAST(t AS text)), lower(?)) > 0")) {
                    statement.setString(1, value);
                    statement.setString(2, value);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            found.add(table + ": " + rows.getString(1));
                        }
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the consumer recorded every one of these events as processed (its effect committed). */
    static void awaitProcessed(DataSource dataSource, String consumer, Collection<String> eventIds)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (processed(dataSource, consumer, eventIds) < eventIds.size()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("only " + processed(dataSource, consumer, eventIds) + " of " + eventIds.size()
                        + " events were processed by " + consumer);
            }
            Thread.sleep(100);
        }
    }

    private static int processed(DataSource dataSource, String consumer, Collection<String> eventIds) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ANY(?)")) {
            Array ids = connection.createArrayOf("varchar", eventIds.toArray());
            statement.setString(1, consumer);
            statement.setArray(2, ids);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
