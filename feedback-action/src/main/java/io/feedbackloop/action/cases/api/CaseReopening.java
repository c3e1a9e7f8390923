package io.feedbackloop.action.cases.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a closed case is worked again (kept in the audit trail). */
public record CaseReopening(@Schema(required = true, maxLength = 1000, example = "customer says the parcel never came")
                            @NotBlank @Size(max = 1000) String reason) {
}
