package io.feedbackloop.action.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How cases are opened and escalated ({@code case.*}). */
@ConfigMapping(prefix = "case")
public interface CaseConfig {

    /** The promise made to every customer if no SLA policy was configured for a priority. */
    @WithDefault("PT24H")
    Duration firstResponseSla();

    /** The first fallback team (seeded at startup), and the owner of a case if even that team is missing. */
    @WithDefault("customer-care")
    String defaultTeam();

    Escalation escalation();

    interface Escalation {

        @WithDefault("true")
        boolean enabled();

        /** How often deadlines are checked: an escalation comes at most this late. */
        @WithDefault("30s")
        Duration interval();

        /** Cases escalated per transaction; a full batch is followed by the next one at once. */
        @WithDefault("100")
        int batchSize();
    }
}
