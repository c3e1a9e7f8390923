package io.feedbackloop.action;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/** What the service's database holds, searched the way an auditor would: every table, every column. */
final class StoredValues {

    private StoredValues() {
    }

    /** Every row of every table (as text: arrays and JSON included) holding any of the strings, in any letter case. */
    static List<String> rowsHoldingAny(EntityManager entityManager, List<String> needles) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> tables = entityManager.createNativeQuery("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'""").getResultList();
            assertTrue(tables.containsAll(List.of("support_case", "feedback_copy", "case_comment", "case_audit",
                    "improvement_link", "outbox_event")), "the search sees the service's tables: " + tables);
            List<String> found = new ArrayList<>();
            for (String table : tables) {
                @SuppressWarnings("unchecked")
                List<String> rows = entityManager.createNativeQuery("SELECT CAST(t AS text) FROM " + table + " t"
                                + " WHERE EXISTS (SELECT 1 FROM unnest(CAST(?1 AS text[])) AS n(needle)"
                                + " WHERE strpos(lower(CAST(t AS text)), lower(n.needle)) > 0)")
                        .setParameter(1, needles.toArray(String[]::new)).getResultList();
                rows.forEach(row -> found.add(table + ": " + row));
            }
            return found;
        });
    }
}
