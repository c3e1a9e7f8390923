package io.feedbackloop.categorize.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.feedbackloop.categorize.model.Categorization;
import io.feedbackloop.categorize.model.CategorizationChange;
import io.feedbackloop.categorize.model.RecategorizationJob;
import io.feedbackloop.categorize.model.RecategorizationReport;
import io.feedbackloop.categorize.text.TextCategorizer;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Re-categorizes stored feedback with the knowledge and model versions in force when the job
 * started (the job records them), in batches that each
 * commit their changes, their {@code feedback.recategorized.v1} events and the job's progress
 * together: a crash resumes after the last committed batch, so no feedback is announced twice.
 * Only feedback whose categorization changed is announced; corrected fields are kept; a customer
 * erased while the batch ran is skipped, not announced again.
 */
@ApplicationScoped
@Transactional
public class RecategorizationService {

    @Inject
    EntityManager entityManager;

    @Inject
    CategorizerRegistry registry;

    @Inject
    CategorizationService categorizations;

    @Inject
    ErasedCustomers erasedCustomers;

    @Inject
    RecategorizationConfig config;

    @Inject
    Clock clock;

    /**
     * Starts a job over the feedback responded in [from, to) (either end may be open).
     *
     * @param dryRun only report what would change: nothing stored, nothing published
     */
    public RecategorizationJob start(boolean dryRun, Instant from, Instant to, String requestedBy) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("to", "after-from",
                    "must be after from"))));
        }
        TextCategorizer categorizer = registry.current();
        RecategorizationJob job = new RecategorizationJob();
        job.id = UUID.randomUUID();
        job.status = "running";
        job.dryRun = dryRun;
        job.respondedFrom = from;
        job.respondedTo = to;
        job.knowledgeVersion = categorizer.knowledge().version();
        job.modelVersion = categorizer.model() == null ? null : categorizer.model().version();
        job.requestedAt = clock.instant();
        job.requestedBy = requestedBy;
        job.total = Math.toIntExact(Categorization.count(rangeQuery(job, false), rangeParameters(job, false)));
        job.persist();
        return job;
    }

    public RecategorizationJob find(UUID id) {
        RecategorizationJob job = RecategorizationJob.findById(id);
        if (job == null) {
            throw ProblemException.notFound("recategorization", id);
        }
        return job;
    }

    /** The latest 50 jobs, newest first. */
    public List<RecategorizationJob> list() {
        return RecategorizationJob.<RecategorizationJob>findAll(Sort.descending("requestedAt")).page(0, 50).list();
    }

    /**
     * Runs the next batch of the oldest running job, if any, locking the job row so two
     * replicas never run the same batch.
     *
     * @return whether a batch ran
     */
    public boolean runNextBatch() {
        @SuppressWarnings("unchecked")
        List<RecategorizationJob> jobs = entityManager.createNativeQuery("""
                SELECT * FROM recategorization_job WHERE status = 'running'
                ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED""", RecategorizationJob.class).getResultList();
        if (jobs.isEmpty()) {
            return false;
        }
        RecategorizationJob job = jobs.get(0);
        List<Categorization> batch = Categorization.find(rangeQuery(job, true) + " order by feedbackId",
                rangeParameters(job, true)).page(0, config.batchSize()).list();
        TextCategorizer categorizer = registry.forVersions(job.knowledgeVersion, job.modelVersion);
        // a customer erased after the batch was read: this transaction's copy of their rows still holds
        // their data, which a change would announce again; the next replay finds the rows erased
        Set<String> erasedMeanwhile = erasedCustomers.erasedAmong(batch.stream().filter(c -> !c.isErased())
                .map(c -> c.customerId).collect(Collectors.toSet()));
        for (Categorization stored : batch) {
            if (erasedMeanwhile.contains(stored.customerId)) {
                job.processed++;
                job.lastFeedbackId = stored.feedbackId;
                continue;
            }
            Categorization categorization = job.dryRun ? stored.unmanagedCopy() : stored;
            UnderstandingApplier.Applied applied = UnderstandingApplier.apply(categorization,
                    categorizer.categorize(categorization.feedbackText()), categorizer);
            if (applied.changed()) {
                job.changed++;
                record(job.report, categorization.feedbackId, applied);
                if (!job.dryRun) {
                    categorizations.announceChange(categorization, new CategorizationChange("replay",
                            applied.changedFields(), applied.previous(), job.id, null));
                }
            }
            job.processed++;
            job.lastFeedbackId = categorization.feedbackId;
        }
        if (batch.size() < config.batchSize()) {
            job.status = "completed";
            job.finishedAt = clock.instant();
        }
        // the report is a JSON column: a new instance makes the change visible to dirty checking
        job.report = copy(job.report);
        return true;
    }

    public void fail(UUID jobId, String reason) {
        RecategorizationJob job = RecategorizationJob.findById(jobId);
        if (job != null && job.status.equals("running")) {
            job.status = "failed";
            job.finishedAt = clock.instant();
            job.report = copy(job.report);
            job.report.error = reason;
        }
    }

    public UUID runningJob() {
        RecategorizationJob job = RecategorizationJob.find("status = 'running' order by requestedAt").firstResult();
        return job == null ? null : job.id;
    }

    private static void record(RecategorizationReport report, UUID feedbackId, UnderstandingApplier.Applied applied) {
        applied.changedFields().forEach(field -> report.changedFields.merge(field, 1, Integer::sum));
        RecategorizationReport.FromTo themes = applied.changes().get("themes");
        if (themes != null) {
            @SuppressWarnings("unchecked") List<String> from = (List<String>) themes.from();
            @SuppressWarnings("unchecked") List<String> to = (List<String>) themes.to();
            to.stream().filter(t -> !from.contains(t)).forEach(t -> report.themesAdded.merge(t, 1, Integer::sum));
            from.stream().filter(t -> !to.contains(t)).forEach(t -> report.themesRemoved.merge(t, 1, Integer::sum));
        }
        if (report.examples.size() < RecategorizationReport.EXAMPLES) {
            report.examples.add(new RecategorizationReport.Example(feedbackId, Map.copyOf(applied.changes())));
        }
    }

    private static RecategorizationReport copy(RecategorizationReport report) {
        RecategorizationReport copy = new RecategorizationReport();
        copy.changedFields.putAll(report.changedFields);
        copy.themesAdded.putAll(report.themesAdded);
        copy.themesRemoved.putAll(report.themesRemoved);
        copy.examples = new ArrayList<>(report.examples);
        copy.error = report.error;
        return copy;
    }

    private static String rangeQuery(RecategorizationJob job, boolean afterLast) {
        List<String> conditions = new ArrayList<>();
        conditions.add("1 = 1");
        if (afterLast && job.lastFeedbackId != null) {
            conditions.add("feedbackId > :last");
        }
        if (job.respondedFrom != null) {
            conditions.add("respondedAt >= :from");
        }
        if (job.respondedTo != null) {
            conditions.add("respondedAt < :to");
        }
        return String.join(" and ", conditions);
    }

    private static Parameters rangeParameters(RecategorizationJob job, boolean afterLast) {
        Parameters parameters = new Parameters();
        if (afterLast && job.lastFeedbackId != null) {
            parameters.and("last", job.lastFeedbackId);
        }
        if (job.respondedFrom != null) {
            parameters.and("from", job.respondedFrom);
        }
        if (job.respondedTo != null) {
            parameters.and("to", job.respondedTo);
        }
        return parameters;
    }
}
