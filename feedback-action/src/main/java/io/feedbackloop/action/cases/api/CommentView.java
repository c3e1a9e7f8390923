package io.feedbackloop.action.cases.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A comment on a case. Every caller of the case API is staff, so internal notes are shown too,
 * marked as such: they never leave this service.
 */
public record CommentView(UUID id, String author,
                          @Schema(enumeration = {"internal", "customer"},
                                  description = "internal: a note for colleagues; customer: a reply sent to the customer")
                          String visibility,
                          String text, Instant createdAt) {
}
