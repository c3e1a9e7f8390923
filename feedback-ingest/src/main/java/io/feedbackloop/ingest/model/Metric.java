package io.feedbackloop.ingest.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The survey metrics a score can answer, each on its one accepted scale. */
public enum Metric {
    /** Net Promoter Score: "How likely are you to recommend us?" 0 (not at all) to 10 (extremely). */
    NPS(0, 10),
    /** Customer satisfaction: 1 (very dissatisfied) to 5 (very satisfied). */
    CSAT(1, 5),
    /** Customer Effort Score 2.0: "It was easy to ..." 1 (strongly disagree) to 7 (strongly agree). */
    CES(1, 7);

    public final int min;
    public final int max;

    Metric(int min, int max) {
        this.min = min;
        this.max = max;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String scale() {
        return min + "-" + max;
    }
}
