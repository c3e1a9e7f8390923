package io.feedbackloop.categorize.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.feedbackloop.categorize.text.FeedbackText;
import io.feedbackloop.categorize.text.ScoreClasses;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A feedback as this service keeps it: a copy of what was received and what the categorizer made of it.
 * The customer is a reference (id, segment, locale): no email, phone or name is kept here.
 */
@Entity
@Table(name = "categorization")
public class Categorization extends PanacheEntityBase {

    /** How an erased customer's id begins once the eraser put their keyed pseudonym in its place. */
    public static final String ERASED_CUSTOMER_PREFIX = "erased-";

    @Id
    @Column(name = "feedback_id")
    public UUID feedbackId;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "responded_at")
    public Instant respondedAt;

    public String channel;

    public String touchpoint;

    @Column(name = "journey_stage")
    public String journeyStage;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "customer_segment")
    public String customerSegment;

    @Column(name = "customer_locale")
    public String customerLocale;

    @Column(name = "declared_language")
    public String declaredLanguage;

    @Column(name = "nps_score")
    public Integer npsScore;

    @Column(name = "nps_class")
    public String npsClass;

    @Column(name = "csat_score")
    public Integer csatScore;

    @Column(name = "csat_scale_min")
    public Integer csatScaleMin;

    @Column(name = "csat_scale_max")
    public Integer csatScaleMax;

    @Column(name = "csat_class")
    public String csatClass;

    @Column(name = "ces_score")
    public Integer cesScore;

    @Column(name = "ces_scale_min")
    public Integer cesScaleMin;

    @Column(name = "ces_scale_max")
    public Integer cesScaleMax;

    @Column(name = "ces_class")
    public String cesClass;

    @Column(columnDefinition = "text")
    public String text;

    public String language;

    public String sentiment;

    @Column(name = "sentiment_score")
    public Double sentimentScore;

    @Column(name = "sentiment_confidence")
    public Double sentimentConfidence;

    @Column(name = "feedback_type")
    public String type;

    @Column(name = "type_confidence")
    public Double typeConfidence;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(20)[]", nullable = false)
    public String[] urgency = new String[0];

    public String priority;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "categorization_theme", joinColumns = @JoinColumn(name = "feedback_id"))
    @OrderColumn(name = "position")
    public List<AssignedTheme> themes = new ArrayList<>();

    @Column(name = "knowledge_version")
    public Integer knowledgeVersion;

    @Column(name = "model_version")
    public Integer modelVersion;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "corrected_fields", columnDefinition = "varchar(20)[]", nullable = false)
    public String[] correctedFields = new String[0];

    @Column(name = "corrected_at")
    public Instant correctedAt;

    @Column(name = "corrected_by")
    public String correctedBy;

    @Column(name = "categorized_at", nullable = false)
    public Instant categorizedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    /** An unmanaged copy to try a recategorization on without changing anything (a dry run). */
    public Categorization unmanagedCopy() {
        Categorization copy = new Categorization();
        copy.feedbackId = feedbackId;
        copy.respondedAt = respondedAt;
        copy.customerLocale = customerLocale;
        copy.declaredLanguage = declaredLanguage;
        copy.npsScore = npsScore;
        copy.csatScore = csatScore;
        copy.csatScaleMin = csatScaleMin;
        copy.csatScaleMax = csatScaleMax;
        copy.cesScore = cesScore;
        copy.cesScaleMin = cesScaleMin;
        copy.cesScaleMax = cesScaleMax;
        copy.text = text;
        copy.language = language;
        copy.sentiment = sentiment;
        copy.type = type;
        copy.urgency = urgency.clone();
        copy.priority = priority;
        copy.themes = new ArrayList<>(themes.stream()
                .map(t -> new AssignedTheme(t.theme, t.matchedTerms.clone(), t.source)).toList());
        copy.correctedFields = correctedFields.clone();
        return copy;
    }

    /** Whether its customer was erased: their id is a pseudonym. */
    public boolean isErased() {
        return customerId.startsWith(ERASED_CUSTOMER_PREFIX);
    }

    public boolean isCorrected(String field) {
        return List.of(correctedFields).contains(field);
    }

    /** The class of each score on its own scale: promoter, good, agree, ... */
    public void classifyScores() {
        npsClass = npsScore == null ? null : ScoreClasses.nps(npsScore);
        csatClass = csatScore == null ? null : ScoreClasses.csat(csatScore, csatScaleMin, csatScaleMax);
        cesClass = cesScore == null ? null : ScoreClasses.ces(cesScore, cesScaleMin, cesScaleMax);
    }

    /** What the categorizer reads: the words, the language the channel or the customer's locale declared, the scores. */
    public FeedbackText feedbackText() {
        List<FeedbackText.Score> scores = new ArrayList<>();
        if (npsScore != null) {
            scores.add(new FeedbackText.Score(FeedbackText.Metric.NPS, npsScore, 0, 10));
        }
        if (csatScore != null) {
            scores.add(new FeedbackText.Score(FeedbackText.Metric.CSAT, csatScore, csatScaleMin, csatScaleMax));
        }
        if (cesScore != null) {
            scores.add(new FeedbackText.Score(FeedbackText.Metric.CES, cesScore, cesScaleMin, cesScaleMax));
        }
        return new FeedbackText(text, declaredLanguage != null ? declaredLanguage : customerLocale, scores);
    }

    /** The labels a person may correct, as they stand now. */
    public CorrectionRecord.Labels labels() {
        return new CorrectionRecord.Labels(sentiment, type, themes.stream().map(t -> t.theme).toList(),
                List.of(urgency), priority);
    }
}
