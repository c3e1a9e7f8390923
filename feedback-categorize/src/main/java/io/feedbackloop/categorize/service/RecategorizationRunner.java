package io.feedbackloop.categorize.service;

import java.util.UUID;

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
            UUID job = jobs.runningJob();
            LOG.errorf(e, "recategorization %s failed", job);
            if (job != null) {
                jobs.fail(job, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
