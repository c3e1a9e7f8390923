package io.feedbackloop.categorize.service;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import io.feedbackloop.categorize.model.Categorization;
import io.feedbackloop.categorize.model.TrainedModelRecord;
import io.feedbackloop.categorize.text.Evaluation;
import io.feedbackloop.categorize.text.LabelledFeedback;
import io.feedbackloop.categorize.text.LearnedModel;
import io.feedbackloop.categorize.text.TextCategorizer;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Trains a model on every feedback a person corrected and reports, by cross-validation, how well
 * the categorizer agrees with those people before and after.
 */
@ApplicationScoped
@Transactional
public class ModelTrainingService {

    static final int FOLDS = 5;

    @Inject
    EntityManager entityManager;

    @Inject
    CategorizerRegistry registry;

    @Inject
    Clock clock;

    public TrainedModelRecord train() {
        // one training at a time, across replicas, so versions are consecutive
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('trained_model'))").getSingleResult();
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery(
                "SELECT feedback_id FROM categorization WHERE cardinality(corrected_fields) > 0 ORDER BY corrected_at, feedback_id",
                UUID.class).getResultList();
        if (ids.size() < LearnedModel.MIN_EXAMPLES) {
            throw new ProblemException(Problem.of(422, "too-few-corrections", "Too few corrections to learn from",
                    "training needs at least " + LearnedModel.MIN_EXAMPLES + " corrected feedback; there are "
                            + ids.size()));
        }
        List<LabelledFeedback> examples = Categorization.<Categorization>list("feedbackId in ?1 order by correctedAt, feedbackId", ids)
                .stream().map(c -> new LabelledFeedback(c.feedbackText(), c.sentiment, c.type,
                        new HashSet<>(c.themes.stream().map(t -> t.theme).toList())))
                .toList();
        TextCategorizer rules = registry.current();
        Evaluation.Comparison comparison = Evaluation.crossValidate(rules, examples, Math.min(FOLDS, examples.size()));
        Integer latest = TrainedModelRecord.latestVersion();
        LearnedModel model = Evaluation.train(rules, examples, latest == null ? 1 : latest + 1);

        TrainedModelRecord record = new TrainedModelRecord();
        record.version = model.version();
        record.trainedAt = clock.instant();
        record.examples = examples.size();
        record.parameters = model.state();
        record.evaluation = comparison;
        record.persist();
        return record;
    }

    public TrainedModelRecord current() {
        TrainedModelRecord record = TrainedModelRecord.latest();
        if (record == null) {
            throw new ProblemException(Problem.of(404, "not-found", "No model trained yet",
                    "correct at least " + LearnedModel.MIN_EXAMPLES + " categorizations, then POST /api/v1/model/training"));
        }
        return record;
    }
}
