package io.feedbackloop.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class ViolationsTest {

    public enum Channel { WEB, EMAIL }

    public record Customer(@NotBlank String id, @Email String email) {
    }

    public record Submission(@Valid Customer customer, Channel channel, Integer nps,
                             List<@Size(max = 3) String> tags) {
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void eachBrokenRuleNamesTheFieldAsThePathInTheRequestSortedByField() {
        Submission submission = new Submission(new Customer(" ", "not-an-email"), Channel.WEB, 9,
                List.of("ok", "far too long"));

        List<Problem.Violation> violations = Violations.of(validator.validate(submission));

        assertEquals(List.of(
                new Problem.Violation("customer.email", "Email", "must be a well-formed email address"),
                new Problem.Violation("customer.id", "NotBlank", "must not be blank"),
                new Problem.Violation("tags[1]", "Size", "size must be between 0 and 3")), violations);
    }

    @Test
    void brokenJsonIsNamedWithWhereItBroke() {
        Problem.Violation violation = readFailure("{\"nps\": 9,\n \"channel\": }");

        assertEquals("body", violation.field());
        assertEquals("json", violation.rule());
        assertEquals("is not valid JSON (line 2, column 13)", violation.message());
    }

    @Test
    void anUnknownFieldIsNamed() {
        assertEquals(new Problem.Violation("customer.phone", "known-field", "is not a field of this request"),
                readFailure("{\"customer\":{\"id\":\"c\",\"phone\":\"1\"}}"));
    }

    @Test
    void aValueOutsideAnEnumListsTheAllowedOnes() {
        assertEquals(new Problem.Violation("channel", "enum", "must be one of [WEB, EMAIL]"),
                readFailure("{\"channel\":\"fax\"}"));
    }

    @Test
    void aValueOfTheWrongTypeSaysWhichTypeIsExpected() {
        assertEquals(new Problem.Violation("nps", "type", "must be a number"), readFailure("{\"nps\":\"nine\"}"));
        assertEquals(new Problem.Violation("tags", "type", "must be a list"), readFailure("{\"tags\":{}}"));
        assertEquals(new Problem.Violation("body", "type", "must be a JSON object"), readFailure("[1]"));
    }

    private Problem.Violation readFailure(String json) {
        JsonProcessingException failure = assertThrows(JsonProcessingException.class,
                () -> mapper.readValue(json, Submission.class));
        return Violations.of(failure, mapper);
    }
}
