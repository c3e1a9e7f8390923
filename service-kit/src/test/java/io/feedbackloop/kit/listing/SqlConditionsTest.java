package io.feedbackloop.kit.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Map;

import jakarta.persistence.Query;
import org.junit.jupiter.api.Test;

class SqlConditionsTest {

    @Test
    void onlyTheFiltersARequestSetBecomeConditions() {
        SqlConditions conditions = new SqlConditions()
                .addIfPresent("f.channel = :channel", "channel", "web")
                .addIfPresent("f.touchpoint = :touchpoint", "touchpoint", null)
                .addIfPresent("c.status IN (:statuses)", "statuses", List.of())
                .addIfPresent("c.priority IN (:priorities)", "priorities", List.of("high"));

        assertEquals(" WHERE f.channel = :channel AND c.priority IN (:priorities)", conditions.where());
        assertEquals(Map.of("channel", "web", "priorities", List.of("high")), conditions.parameters());
    }

    @Test
    void noFilterMeansNoWhereClause() {
        assertEquals("", new SqlConditions().where());
    }

    @Test
    void aConditionMayNameSeveralParametersOrNone() {
        SqlConditions conditions = new SqlConditions()
                .add("c.assignee IS NULL")
                .add("(t.theme = :theme OR t.theme LIKE :themePrefix)")
                .parameter("theme", "delivery").parameter("themePrefix", "delivery/%");

        assertEquals(" WHERE c.assignee IS NULL AND (t.theme = :theme OR t.theme LIKE :themePrefix)",
                conditions.where());
        assertEquals(Map.of("theme", "delivery", "themePrefix", "delivery/%"), conditions.parameters());
    }

    @Test
    void valuesAreBoundNeverWrittenIntoTheText() {
        String hostile = "x' OR '1'='1";
        SqlConditions conditions = new SqlConditions().addIfPresent("f.customerId = :customerId", "customerId", hostile);
        Query query = mock(Query.class);

        conditions.bind(query);

        assertEquals(" WHERE f.customerId = :customerId", conditions.where());
        verify(query).setParameter("customerId", hostile);
    }

    @Test
    void aParameterNoConditionNamesIsAMistake() {
        SqlConditions conditions = new SqlConditions().add("f.receivedAt >= :from");

        assertThrows(IllegalArgumentException.class, () -> conditions.parameter("fromDate", "x"));
        assertThrows(IllegalArgumentException.class, () -> conditions.parameter("fro", "x"));
    }

    @Test
    void aParameterBoundTwiceIsAMistake() {
        SqlConditions conditions = new SqlConditions().add("c.owner_team = :team", "team", "a");

        assertThrows(IllegalArgumentException.class, () -> conditions.add("c.other_team = :team", "team", "b"));
    }

    @Test
    void anEmptyConditionIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> new SqlConditions().add(" "));
    }
}
