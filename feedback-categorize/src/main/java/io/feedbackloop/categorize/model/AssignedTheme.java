package io.feedbackloop.categorize.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A theme of one feedback, with the words that matched and who assigned it. */
@Embeddable
public class AssignedTheme {

    @Column(nullable = false)
    public String theme;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "matched_terms", columnDefinition = "text[]", nullable = false)
    public String[] matchedTerms = new String[0];

    /** rules, model or correction. */
    @Column(nullable = false)
    public String source;

    public AssignedTheme() {
    }

    public AssignedTheme(String theme, String[] matchedTerms, String source) {
        this.theme = theme;
        this.matchedTerms = matchedTerms;
        this.source = source;
    }
}
