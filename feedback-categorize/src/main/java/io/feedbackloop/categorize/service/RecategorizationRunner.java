package io.feedbackloop.categorize.service;

import java.util.UUID;

import io.feedbackloop.kit.messaging.TransientFailures;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Works through running recategorization jobs, one committed batch at a time. */
@ApplicationScoped
public class RecategorizationRunner {

    private static final Logger LOG = Logger.getLogger(RecategorizationRunner.class);

    @Inject
    RecategorizationService jobs;

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        try {
            while (jobs.runNextBatch()) {
                // next batch, in a new transaction
            }
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                // a row of the batch changed meanwhile (an erasure, a correction: its row version moved)
                // or the database is away: the batch rolled back whole and runs again on the next tick
                LOG.warnf("recategorization batch rolled back, retried: %s", e.toString());
                return;
            }
            UUID job = jobs.runningJob();
            LOG.errorf(e, "recategorization %s failed", job);
            if (job != null) {
                jobs.fail(job, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
