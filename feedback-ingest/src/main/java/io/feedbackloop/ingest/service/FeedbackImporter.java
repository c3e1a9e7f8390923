package io.feedbackloop.ingest.service;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import io.feedbackloop.ingest.config.IngestConfig;
import io.feedbackloop.ingest.model.NewFeedback;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Imports a survey-tool export row by row while it streams in: each batch of rows is one
 * transaction, so memory stays flat however large the file is. Every row is idempotent (its
 * externalId, or else its content, is its idempotency key), so a failed or repeated import can
 * simply be sent again.
 */
@ApplicationScoped
public class FeedbackImporter {

    private static final Logger LOG = Logger.getLogger(FeedbackImporter.class);
    private static final int MAX_REPORTED_ERRORS = 1000;

    @Inject
    FeedbackService feedback;

    @Inject
    IdempotencyGuard idempotency;

    @Inject
    IngestConfig config;

    /**
     * @param rows read lazily as they stream in; a row that could not be read arrives with its
     *             problems, and an {@link UncheckedIOException} from the iterator ends the file there
     */
    public ImportResult importRows(Caller caller, Iterator<ImportRow> rows) {
        long started = System.nanoTime();
        int batchSize = config.imports().batchSize();
        Tally tally = new Tally();
        List<ImportRow> batch = new ArrayList<>(batchSize);
        while (nextRow(rows, tally)) {
            ImportRow row = rows.next();
            tally.rows++;
            ImportRow checked = check(caller, row);
            if (!checked.problems().isEmpty()) {
                tally.reject(checked);
                continue;
            }
            batch.add(checked);
            if (batch.size() == batchSize) {
                store(batch, tally);
                batch.clear();
            }
        }
        store(batch, tally);
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("import of %d rows by %s: %d imported, %d duplicates, %d rejected in %d ms", tally.rows,
                caller.name(), tally.imported, tally.duplicates, tally.rejected, millis);
        return new ImportResult(tally.rows, tally.imported, tally.duplicates, tally.rejected, tally.errors,
                tally.rejectedProblems > MAX_REPORTED_ERRORS, millis);
    }

    /** A file that stops parsing (broken CSV quoting) ends the import with an error at that point. */
    private static boolean nextRow(Iterator<ImportRow> rows, Tally tally) {
        try {
            return rows.hasNext();
        } catch (UncheckedIOException | com.fasterxml.jackson.databind.RuntimeJsonMappingException e) {
            tally.reject(ImportRow.rejected(tally.rows + 1, List.of(new Problem.Violation("body", "format",
                    "the file cannot be read past this row: " + e.getMessage()))));
            return false;
        }
    }

    /** A channel key imports its own channel's feedback only. */
    private static ImportRow check(Caller caller, ImportRow row) {
        if (row.feedback() == null || !caller.isChannel()
                || caller.channel().equals(row.feedback().channel().wireName())) {
            return row;
        }
        return ImportRow.rejected(row.line(), List.of(new Problem.Violation("channel", "key-channel",
                "this API key can only import feedback of channel '" + caller.channel() + "'")));
    }

    private void store(List<ImportRow> batch, Tally tally) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            Tally batchTally = QuarkusTransaction.requiringNew().call(() -> storeAll(batch));
            tally.add(batchTally);
        } catch (RuntimeException batchFailure) {
            // one bad row must not sink its neighbours: redo the batch a row per transaction
            for (ImportRow row : batch) {
                try {
                    tally.add(QuarkusTransaction.requiringNew().call(() -> storeAll(List.of(row))));
                } catch (ProblemException e) {
                    tally.reject(ImportRow.rejected(row.line(), problemsOf(e.problem())));
                } catch (RuntimeException e) {
                    LOG.warnf("import row %d not stored: %s", row.line(), e.toString());
                    tally.reject(ImportRow.rejected(row.line(), List.of(new Problem.Violation("row", "stored",
                            "could not be stored; send the file again to retry this row"))));
                }
            }
        }
    }

    private Tally storeAll(List<ImportRow> rows) {
        Tally tally = new Tally();
        List<IdempotencyGuard.Claim> claims = rows.stream().map(row -> {
            NewFeedback submission = row.feedback();
            String key = submission.externalId() != null ? IdempotencyGuard.keyFor(null, submission.externalId())
                    : "row:" + idempotency.hash(row.asSent());
            return new IdempotencyGuard.Claim(submission.channel().wireName(), key, row.asSent(), UUID.randomUUID());
        }).toList();
        List<IdempotencyGuard.Outcome> outcomes = idempotency.claimAll(claims);
        for (int i = 0; i < rows.size(); i++) {
            switch (outcomes.get(i)) {
                case CLAIMED -> {
                    feedback.store(claims.get(i).newFeedbackId(), rows.get(i).feedback());
                    tally.imported++;
                }
                case DUPLICATE -> tally.duplicates++;
                case CONFLICT -> tally.reject(ImportRow.rejected(rows.get(i).line(), List.of(new Problem.Violation(
                        "external_id", "idempotency-conflict",
                        "was already imported with different content"))));
            }
        }
        return tally;
    }

    private static List<Problem.Violation> problemsOf(Problem problem) {
        return problem.violations() == null || problem.violations().isEmpty()
                ? List.of(new Problem.Violation("row", problem.type().substring(problem.type().lastIndexOf(':') + 1),
                        problem.detail()))
                : problem.violations();
    }

    /** Counts of one import (or one batch of it). */
    private static final class Tally {
        long rows;
        long imported;
        long duplicates;
        long rejected;
        long rejectedProblems;
        final List<ImportResult.RowError> errors = new ArrayList<>();

        void reject(ImportRow row) {
            rejected++;
            for (Problem.Violation problem : row.problems()) {
                rejectedProblems++;
                if (errors.size() < MAX_REPORTED_ERRORS) {
                    errors.add(new ImportResult.RowError(row.line(), problem));
                }
            }
        }

        void add(Tally batch) {
            imported += batch.imported;
            duplicates += batch.duplicates;
            rejected += batch.rejected;
            rejectedProblems += batch.rejectedProblems;
            batch.errors.stream().limit(Math.max(0, MAX_REPORTED_ERRORS - errors.size())).forEach(errors::add);
        }
    }
}
