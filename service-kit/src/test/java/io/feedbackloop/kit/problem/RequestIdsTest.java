package io.feedbackloop.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aUuidIsTheId() {
        UUID id = UUID.randomUUID();

        assertEquals(id, RequestIds.parse("id", id.toString()));
    }

    @Test
    void aMalformedOrMissingIdIsTheClientsMistakeNotAnUnknownId() {
        for (String notAnId : new String[] {"42", "", null}) {
            Problem problem = assertThrows(ProblemException.class, () -> RequestIds.parse("caseId", notAnId)).problem();

            assertEquals(400, problem.status());
            assertEquals(List.of(new Problem.Violation("caseId", "uuid", "must be a UUID")), problem.violations());
        }
    }
}
