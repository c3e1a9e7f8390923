package io.feedbackloop.categorize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** What the service's database holds, searched the way an auditor would: every table, every column. */
final class StoredValues {

    private StoredValues() {
    }

    /** Every table of the service's database with a row that holds the value in any column, in any letter case. */
    static List<String> tablesHolding(DataSource database, String value) throws SQLException {
        List<String> holding = new ArrayList<>();
        try (Connection connection = database.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertTrue(tables.containsAll(List.of("categorization", "pending_comment", "categorization_correction",
                    "outbox_event")), tables.toString());
            for (String table : tables) {
                // a row as text holds every column, arrays and JSON included
                try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM \"" + table
                        + "\" t WHERE strpos(t::text, ?) > 0 OR strpos(lower(t::text), lower(?)) > 0")) {
                    query.setString(1, value);
                    query.setString(2, value);
                    try (ResultSet rows = query.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            holding.add(table);
                        }
                    }
                }
            }
        }
        return holding;
    }

    /** Columns of the service's tables named for contact data ({@code customer_email}, {@code phone}, ...). */
    static List<String> contactColumns(DataSource database) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = database.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("""
                     SELECT table_name || '.' || column_name FROM information_schema.columns
                     WHERE table_schema = current_schema() AND column_name ~ '(^|_)(email|phone|name)$'
                     ORDER BY 1""")) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        }
        return columns;
    }
}
