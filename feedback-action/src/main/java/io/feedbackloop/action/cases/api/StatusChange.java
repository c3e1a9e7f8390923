package io.feedbackloop.action.cases.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The working status of an open case; closing and reopening have their own endpoints (they need a resolution or a reason). */
public record StatusChange(@Schema(enumeration = {"open", "in_progress", "waiting_customer"}, required = true)
                           @NotNull @Pattern(regexp = "open|in_progress|waiting_customer",
                                   message = "must be open, in_progress or waiting_customer (close a case with POST .../close)")
                           String status) {
}
