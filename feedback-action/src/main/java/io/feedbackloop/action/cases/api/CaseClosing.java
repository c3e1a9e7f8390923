package io.feedbackloop.action.cases.api;

import java.util.ArrayList;
import java.util.List;

import io.feedbackloop.kit.problem.Problem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a case was resolved.
 *
 * @param resolutionCode what was done, from a fixed list (the loop metrics group by it)
 * @param rootCause      why it happened, in a few words, for the team (never sent to the customer)
 * @param resolutionText what the customer is told; may be left out only for a duplicate (the customer
 *                       hears back through the case it duplicates)
 */
public record CaseClosing(@Schema(required = true, enumeration = {"fixed", "refunded", "replaced", "explained",
                                  "no-action-needed", "duplicate", "cannot-reproduce", "other"})
                          @NotNull @Pattern(regexp = CODES, message = "must be one of " + CODES_TEXT) String resolutionCode,
                          @Schema(required = true, maxLength = 100, example = "courier app lost the address")
                          @NotBlank @Size(max = 100) String rootCause,
                          @Schema(maxLength = 2000, example = "We found your parcel and it arrives tomorrow before noon.")
                          @Size(max = 2000) String resolutionText) {

    public static final String DUPLICATE = "duplicate";
    static final String CODES = "fixed|refunded|replaced|explained|no-action-needed|duplicate|cannot-reproduce|other";
    static final String CODES_TEXT = "fixed, refunded, replaced, explained, no-action-needed, duplicate, cannot-reproduce, other";

    /** The rule bean validation cannot say on one field: the customer must be told something unless it is a duplicate. */
    public List<Problem.Violation> crossFieldViolations() {
        List<Problem.Violation> violations = new ArrayList<>();
        if (!DUPLICATE.equals(resolutionCode) && (resolutionText == null || resolutionText.isBlank())) {
            violations.add(new Problem.Violation("resolutionText", "NotBlank",
                    "must tell the customer how it was resolved (only a duplicate may leave it out)"));
        }
        return violations;
    }
}
