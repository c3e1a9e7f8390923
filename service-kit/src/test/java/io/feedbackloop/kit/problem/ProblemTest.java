package io.feedbackloop.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void anInvalidRequestNamesItsOnlyFieldInTheDetail() {
        Problem problem = Problem.invalid(List.of(new Problem.Violation("customer.email", "Email", "must be an email")));

        assertEquals("urn:feedbackloop:problem:invalid-request", problem.type());
        assertEquals(400, problem.status());
        assertEquals("customer.email: must be an email", problem.detail());
    }

    @Test
    void anInvalidRequestWithSeveralFieldsCountsThem() {
        Problem problem = Problem.invalid(List.of(new Problem.Violation("a", "NotNull", "must not be null"),
                new Problem.Violation("b", "NotNull", "must not be null")));

        assertEquals("2 fields are invalid", problem.detail());
    }

    @Test
    void aProblemWithoutViolationsLeavesThemOutOfTheJson() throws Exception {
        String json = new ObjectMapper().writeValueAsString(Problem.of(409, "conflict", "Conflict", "changed"));

        assertEquals("{\"type\":\"urn:feedbackloop:problem:conflict\",\"title\":\"Conflict\",\"status\":409,"
                + "\"detail\":\"changed\"}", json);
    }

    @Test
    void anUnknownIdIsANotFoundNamingWhatWasLookedFor() {
        Problem problem = ProblemException.notFound("case", "c-1").problem();

        assertEquals(404, problem.status());
        assertEquals("no case with id c-1", problem.detail());
    }
}
