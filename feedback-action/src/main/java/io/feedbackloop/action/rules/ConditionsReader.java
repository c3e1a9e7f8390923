package io.feedbackloop.action.rules;

import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

/**
 * Reads a rule's conditions strictly: an unknown condition key is refused rather than ignored,
 * because a misspelt condition ("segmnets") would silently widen the rule to every feedback.
 */
@ApplicationScoped
public class ConditionsReader {

    private final ObjectMapper strict;

    @Inject
    Validator validator;

    @Inject
    public ConditionsReader(ObjectMapper mapper) {
        this.strict = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Reads {@code node} (the request's {@code conditions}) into {@code type}; adds what is wrong
     * with it to {@code violations}, with fields named {@code conditions.<key>}.
     *
     * @return the conditions, or null if they could not be read or are invalid
     */
    public <T> T read(JsonNode node, Class<T> type, Predicate<T> isEmpty,
                      List<Problem.Violation> violations) {
        if (node == null || node.isNull()) {
            violations.add(new Problem.Violation("conditions", "NotNull", "must not be null"));
            return null;
        }
        T conditions;
        try {
            conditions = strict.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            violations.add(new Problem.Violation("conditions." + e.getPropertyName(), "known-condition",
                    "is not a condition; known: " + e.getKnownPropertyIds()));
            return null;
        } catch (JsonProcessingException e) {
            Problem.Violation v = Violations.of(e, strict);
            violations.add(new Problem.Violation(v.field().equals("body") ? "conditions" : "conditions." + v.field(),
                    v.rule(), v.message()));
            return null;
        }
        int before = violations.size();
        validator.validate(conditions).forEach(c -> {
            Problem.Violation v = Violations.of(c);
            violations.add(new Problem.Violation("conditions." + v.field(), v.rule(), v.message()));
        });
        if (violations.size() == before && isEmpty.test(conditions)) {
            violations.add(new Problem.Violation("conditions", "not-empty",
                    "must name at least one condition; a rule without conditions would match every feedback"));
        }
        return violations.size() == before ? conditions : null;
    }
}
