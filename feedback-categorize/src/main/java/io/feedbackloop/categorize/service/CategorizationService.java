package io.feedbackloop.categorize.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.feedbackloop.categorize.model.AssignedTheme;
import io.feedbackloop.categorize.model.Categorization;
import io.feedbackloop.categorize.model.CategorizationChange;
import io.feedbackloop.categorize.model.Correction;
import io.feedbackloop.categorize.model.CorrectionRecord;
import io.feedbackloop.categorize.model.ErasedFeedback;
import io.feedbackloop.categorize.model.FeedbackComment;
import io.feedbackloop.categorize.model.PendingComment;
import io.feedbackloop.categorize.text.TextCategorizer;
import io.feedbackloop.categorize.text.Understanding;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Categorizes each feedback once and announces it to the Act stage; categorizes it again when
 * its comment arrives late or a person corrects it, and announces that as a recategorization.
 * A feedback or comment of a customer erased before it arrived changes nothing.
 */
@ApplicationScoped
@Transactional
public class CategorizationService {

    @Inject
    CategorizationAnnouncer announcer;

    @Inject
    CategorizerRegistry registry;

    @Inject
    ErasedCustomers erasedCustomers;

    @Inject
    MeterRegistry meters;

    @Inject
    Clock clock;

    /**
     * Categorizes a received feedback once. A second event for the same feedback (the producer
     * resent it under a new id) finds the stored categorization and publishes nothing. A feedback
     * of a customer erased before it arrived stores and publishes nothing either, and takes the
     * comment that waited for it along.
     *
     * @param categorization what was received, not yet categorized or stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void categorize(Categorization categorization) {
        erasedCustomers.lockFeedback(categorization.feedbackId);
        if (Categorization.findById(categorization.feedbackId) != null) {
            return;
        }
        Instant now = clock.instant();
        if (erasedCustomers.isErased(categorization.customerId)) {
            ErasedFeedback.note(categorization.feedbackId, now);
            PendingComment.deleteById(categorization.feedbackId);
            meters.counter("feedback.dropped", "reason", "customer-erased").increment();
            return;
        }
        // metrics slice by the customer's answer time; without one, the time we learned of the answer
        if (categorization.respondedAt == null) {
            categorization.respondedAt = categorization.receivedAt != null ? categorization.receivedAt : now;
        }
        categorization.classifyScores();
        PendingComment early = PendingComment.findById(categorization.feedbackId);
        if (early != null) {
            categorization.text = early.text;
            categorization.declaredLanguage = early.language != null ? early.language : categorization.declaredLanguage;
            early.delete();
        }
        TextCategorizer categorizer = registry.current();
        Timer.Sample sample = Timer.start(meters);
        Understanding understanding = categorizer.categorize(categorization.feedbackText());
        sample.stop(meters.timer("categorizer.latency"));
        UnderstandingApplier.apply(categorization, understanding, categorizer);
        categorization.categorizedAt = now;
        categorization.updatedAt = now;
        categorization.persist();
        announcer.categorized(categorization);
        meters.counter("feedback.categorized", "sentiment", categorization.sentiment, "type", categorization.type,
                "language", categorization.language).increment();
    }

    /**
     * The customer's words after their score: categorize again with them (or keep them until the
     * feedback arrives). A comment carries no customer id: it is dropped when its feedback is of a
     * customer erased, whether the feedback was erased after it was stored or dropped on arrival.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void comment(FeedbackComment comment) {
        erasedCustomers.lockFeedback(comment.feedbackId());
        if (ErasedFeedback.contains(comment.feedbackId())) {
            meters.counter("comment.dropped", "reason", "customer-erased").increment();
            return;
        }
        Categorization categorization = Categorization.findById(comment.feedbackId());
        if (categorization != null && erasedCustomers.isErased(categorization)) {
            meters.counter("comment.dropped", "reason", "customer-erased").increment();
            return;
        }
        if (categorization == null) {
            PendingComment pending = PendingComment.findById(comment.feedbackId());
            boolean isNew = pending == null;
            if (isNew) {
                pending = new PendingComment();
                pending.feedbackId = comment.feedbackId();
            } else if (pending.commentedAt.isAfter(comment.commentedAt())) {
                return;
            }
            pending.commentedAt = comment.commentedAt();
            pending.text = comment.text();
            pending.language = comment.language();
            if (isNew) {
                pending.persist();
            }
            return;
        }
        if (comment.text().equals(categorization.text)) {
            return;
        }
        categorization.text = comment.text();
        if (comment.language() != null) {
            categorization.declaredLanguage = comment.language();
        }
        TextCategorizer categorizer = registry.current();
        UnderstandingApplier.Applied applied = UnderstandingApplier.apply(categorization,
                categorizer.categorize(categorization.feedbackText()), categorizer);
        List<String> changed = new ArrayList<>(applied.changedFields());
        changed.add(0, "text");
        announceChange(categorization, new CategorizationChange("comment", changed, applied.previous(), null, null));
    }

    /** A person's correction: stored as history and a training example, announced, and never undone by a replay. */
    public Categorization correct(UUID feedbackId, Correction correction) {
        Categorization categorization = Categorization.findById(feedbackId);
        if (categorization == null) {
            throw ProblemException.notFound("categorization", feedbackId);
        }
        checkCorrection(correction);
        // asked before anything changes: asking takes the customer's lock, and a change flushed before
        // it would hold this row while waiting for an eraser that waits for this row
        boolean customerErased = erasedCustomers.isErased(categorization);
        CorrectionRecord.Labels before = categorization.labels();
        CategorizationChange.Previous previous = UnderstandingApplier.previous(categorization);
        Set<String> fields = new LinkedHashSet<>(Arrays.asList(categorization.correctedFields));
        if (correction.sentiment() != null) {
            categorization.sentiment = correction.sentiment();
            categorization.sentimentConfidence = 1.0;
            fields.add("sentiment");
        }
        if (correction.type() != null) {
            categorization.type = correction.type();
            categorization.typeConfidence = 1.0;
            fields.add("type");
        }
        if (correction.themes() != null) {
            List<AssignedTheme> themes = new ArrayList<>();
            for (String theme : new LinkedHashSet<>(correction.themes())) {
                String[] matched = categorization.themes.stream().filter(t -> t.theme.equals(theme))
                        .map(t -> t.matchedTerms).findFirst().orElse(new String[0]);
                themes.add(new AssignedTheme(theme, matched, "correction"));
            }
            categorization.themes.clear();
            categorization.themes.addAll(themes);
            fields.add("themes");
        }
        if (correction.urgency() != null) {
            categorization.urgency = new LinkedHashSet<>(correction.urgency()).toArray(String[]::new);
            fields.add("urgency");
        }
        categorization.correctedFields = fields.toArray(String[]::new);
        if (correction.priority() != null) {
            categorization.priority = correction.priority();
            fields.add("priority");
            categorization.correctedFields = fields.toArray(String[]::new);
        } else if (!categorization.isCorrected("priority")) {
            categorization.priority = UnderstandingApplier.priorityOf(categorization);
        }
        Instant now = clock.instant();
        categorization.correctedAt = now;
        categorization.correctedBy = correction.correctedBy();

        CorrectionRecord record = new CorrectionRecord();
        record.id = UUID.randomUUID();
        record.feedbackId = feedbackId;
        record.correctedAt = now;
        record.correctedBy = correction.correctedBy();
        // a note about an erased customer's feedback is about a person who asked to be forgotten, and
        // no erasure comes again to remove it; the labels are kept, they are no personal data
        record.note = customerErased ? null : correction.note();
        record.before = before;
        record.after = categorization.labels();
        record.persist();

        announceChange(categorization, new CategorizationChange("correction", changedFields(before, record.after),
                previous, null, correction.correctedBy()));
        meters.counter("categorization.corrected").increment();
        return categorization;
    }

    public List<CorrectionRecord> corrections(UUID feedbackId) {
        find(feedbackId);
        return CorrectionRecord.history(feedbackId);
    }

    public Categorization find(UUID feedbackId) {
        Categorization categorization = Categorization.findById(feedbackId);
        if (categorization == null) {
            throw ProblemException.notFound("categorization", feedbackId);
        }
        return categorization;
    }

    void announceChange(Categorization categorization, CategorizationChange change) {
        categorization.updatedAt = clock.instant();
        announcer.recategorized(categorization, change);
        meters.counter("feedback.recategorized", "reason", change.reason()).increment();
    }

    private void checkCorrection(Correction correction) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (correction.sentiment() == null && correction.type() == null && correction.themes() == null
                && correction.urgency() == null && correction.priority() == null) {
            violations.add(new Problem.Violation("sentiment", "one-of",
                    "give at least one of sentiment, type, themes, urgency, priority"));
        }
        if (correction.themes() != null) {
            Set<String> known = registry.current().knowledge().themePaths();
            for (int i = 0; i < correction.themes().size(); i++) {
                if (!known.contains(correction.themes().get(i))) {
                    violations.add(new Problem.Violation("themes[" + i + "]", "known-theme",
                            "'" + correction.themes().get(i) + "' is not a theme of the taxonomy in force"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
    }

    private static List<String> changedFields(CorrectionRecord.Labels before, CorrectionRecord.Labels after) {
        List<String> changed = new ArrayList<>();
        if (!java.util.Objects.equals(before.sentiment(), after.sentiment())) {
            changed.add("sentiment");
        }
        if (!java.util.Objects.equals(before.type(), after.type())) {
            changed.add("type");
        }
        if (!new LinkedHashSet<>(before.themes()).equals(new LinkedHashSet<>(after.themes()))) {
            changed.add("themes");
        }
        if (!new LinkedHashSet<>(before.urgency()).equals(new LinkedHashSet<>(after.urgency()))) {
            changed.add("urgency");
        }
        if (!java.util.Objects.equals(before.priority(), after.priority())) {
            changed.add("priority");
        }
        return changed;
    }
}
