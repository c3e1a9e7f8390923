package io.feedbackloop.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    public record Rating(Integer nps, String comment) {
    }

    private final ObjectMapper mapper = strict();

    @Test
    void aWholeNumberAndOrdinaryTextAreRead() throws Exception {
        assertEquals(new Rating(9, "Fast delivery,\n\tthanks\r"),
                mapper.readValue("{\"nps\":9,\"comment\":\"Fast delivery,\\n\\tthanks\\r\"}", Rating.class));
    }

    @Test
    void aNumberWithAFractionIsNotAnInteger() {
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"nps\":9.5}", Rating.class));
    }

    @Test
    void anEmptyStringIsNotAMissingNumber() {
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"nps\":\"\"}", Rating.class));
    }

    @Test
    void textWithAControlCharacterIsRefusedNamingTheField() {
        StrictJson.ControlCharacterException refused = assertThrows(StrictJson.ControlCharacterException.class,
                () -> mapper.readValue("{\"comment\":\"nul\\u0000byte\"}", Rating.class));

        assertEquals("comment", Violations.of(refused, mapper).field());
        assertEquals("no-control-characters", Violations.of(refused, mapper).rule());
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }
}
