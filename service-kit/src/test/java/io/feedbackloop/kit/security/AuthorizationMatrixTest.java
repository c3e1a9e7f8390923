package io.feedbackloop.kit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The table and the document: what the matrix reads, without a service to call. */
class AuthorizationMatrixTest {

    private static final String DOCUMENT = """
            {"openapi":"3.1.0","paths":{
              "/api/v1/cases":{"get":{},"post":{"requestBody":{"content":{"application/json":{}}}}},
              "/api/v1/cases/{id}":{"get":{"parameters":[{"name":"id","in":"path"}]},"parameters":[]}}}
            """;

    @Test
    void readsEveryOperationOfTheDocumentAndNothingElse() {
        Map<String, JsonNode> operations = AuthorizationMatrix.operations(DOCUMENT);
        assertEquals(List.of("GET /api/v1/cases", "POST /api/v1/cases", "GET /api/v1/cases/{id}"),
                List.copyOf(operations.keySet()));
    }

    @Test
    void anOperationMissingFromTheTableAndARowWithoutOperationBothFail() {
        AuthorizationMatrix matrix = AuthorizationMatrix.parse("""
                operation | none
                GET /api/v1/removed | 401
                """);
        AuthorizationMatrix.Outcome outcome = matrix.check("{\"paths\":{\"/api/v1/added\":{\"get\":{}}}}",
                List.of(AuthorizationMatrix.Identity.none()));
        assertEquals(List.of("GET /api/v1/added: not in the table (who may call it?)",
                "GET /api/v1/removed: in the table, but no such operation"), outcome.mismatches());
    }

    @Test
    void refusesARowWithMoreOrFewerOutcomesThanIdentities() {
        assertThrows(IllegalArgumentException.class, () -> AuthorizationMatrix.parse("""
                operation | none agent
                GET /api/v1/cases | 401
                """));
    }

    @Test
    void refusesIdentitiesOtherThanTheTablesColumns() {
        AuthorizationMatrix matrix = AuthorizationMatrix.parse("""
                operation | none agent
                GET /api/v1/cases | 401 ok
                """);
        assertThrows(IllegalArgumentException.class,
                () -> matrix.check(DOCUMENT, List.of(AuthorizationMatrix.Identity.none())));
    }
}
