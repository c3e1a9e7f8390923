package io.feedbackloop.action.rules;

import com.fasterxml.jackson.databind.JsonNode;

/** What every rule a lead writes carries, whatever the rule decides. */
public interface RuleDraft {

    String name();

    /** Rules are tried in ascending position; null: after the last rule (create) or unchanged (update). */
    Integer position();

    /** Null: true (create) or unchanged (update). */
    Boolean enabled();

    /** Read strictly into the rule's conditions type. */
    JsonNode conditions();
}
