package io.feedbackloop.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.stack.GeneratedFile;
import io.feedbackloop.stack.IngestAdmin;
import io.feedbackloop.stack.LoopStack;
import io.feedbackloop.stack.LoopTopics;
import org.jboss.logging.Logger;

/**
 * The whole loop on this machine under load, with figures: accepted feedback per second and
 * accept latency at saturation, end-to-end latency from POST to the acknowledgement email at a
 * fixed rate, the categorizer's throughput, a million-row import, CPU and memory of every
 * process, and, in the same run, the raw limits of Kafka and PostgreSQL to compare with; then, in a
 * loop of its own, the web console's inbox over 10,000 open cases ({@link InboxAtScale}).
 * Run by {@code deploy/bench/run}; every knob is an environment variable (see that script).
 */
public final class LoopBenchmark {

    /**
     * Ingest's per-key and per-address request limits (600 and 1,200 a minute) protect a deployment
     * from one noisy client; the benchmark is that client on purpose, measuring the loop, not the limiter.
     */
    static final java.util.Map<String, String> UNTHROTTLED = java.util.Map.of("RATE_LIMIT_PER_KEY", "100000000",
            "RATE_LIMIT_PER_ADDRESS", "100000000");


    private static final Logger LOG = Logger.getLogger(LoopBenchmark.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int connections = BenchSettings.integer("BENCH_CONNECTIONS", 64);
    private final Duration saturation = BenchSettings.seconds("BENCH_SECONDS", 60);
    private final int e2eRate = BenchSettings.integer("BENCH_E2E_RATE", 1000);
    /** A rate the loop keeps up with on 2 cores, so that POST -> email is a latency, not a backlog (0 skips). */
    private final int steadyRate = BenchSettings.integer("BENCH_STEADY_RATE", 20);
    private final Duration e2eDuration = BenchSettings.seconds("BENCH_E2E_SECONDS", 30);
    private final Duration warmUp = BenchSettings.seconds("BENCH_WARMUP_SECONDS", 15);
    private final Duration drainLimit = BenchSettings.seconds("BENCH_DRAIN_SECONDS", 120);
    private final int importRows = BenchSettings.integer("BENCH_IMPORT_ROWS", 1_000_000);
    private final int kafkaRecords = BenchSettings.integer("BENCH_KAFKA_RECORDS", 500_000);
    private final Duration pgbenchDuration = BenchSettings.seconds("BENCH_PGBENCH_SECONDS", 20);

    private final Report report = new Report();

    public static void main(String[] args) throws Exception {
        new LoopBenchmark().run();
    }

    private void run() throws Exception {
        Path root = LoopStack.repositoryRoot();
        Path work = root.resolve("deploy/bench/target/work");
        WorkDirectory.fresh(work);
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        report.line("Loop benchmark, %s", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        report.line("Machine: %s", Machine.describe());
        report.line("Service JVMs: %s", System.getenv().getOrDefault("LOOP_SERVICE_JVM_OPTS", "(stack default)"));
        try {
            benchmark(root, work, runId);
            if (InboxAtScale.CASES > 0) {
                // a loop of its own with the console, after this one has stopped: its cases are its alone
                new InboxAtScale().run(root, work, runId, report);
            }
        } finally {
            Path file = root.resolve("deploy/bench/target/bench-report.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report.text());
            LOG.infof("%n%s%nreport written to %s", report.text(), root.relativize(file));
        }
    }

    private void benchmark(Path root, Path work, String runId) throws Exception {
        // keepData = true on an emptied folder: a fresh loop whose PostgreSQL really syncs its commits
        try (LoopStack stack = LoopStack.start(root, work, false, true, UNTHROTTLED);
             MailArrivals mail = new MailArrivals(stack.mail());
             TopicCounter topics = TopicCounter.watch(stack.broker().bootstrapServers(), List.of(
                     LoopTopics.FEEDBACK_RECEIVED, LoopTopics.FEEDBACK_CATEGORIZED, LoopTopics.ACTION_OPENED,
                     LoopTopics.FOLLOWUP_SENT), false)) {
            report.line("Kafka: one KRaft broker, %d partitions per topic, producers acks=all + idempotent; "
                    + "PostgreSQL: embedded, fsync %s, synchronous_commit %s", LoopTopics.PARTITIONS,
                    stack.postgres().setting("fsync"), stack.postgres().setting("synchronous_commit"));
            ResourceMeter meter = new ResourceMeter(stack);
            FeedbackLoad load = new FeedbackLoad(stack.service("feedback-ingest").baseUrl(), stack.webChannelKey());
            Feedbacks feedbacks = new Feedbacks(runId);

            String bootstrap = stack.broker().bootstrapServers();
            Map<String, ResourceMeter.Reading> readings = new LinkedHashMap<>();
            warmUp(load, feedbacks, topics);
            if (steadyRate > 0) {
                settle(bootstrap, "the warm-up");
                EndToEnd steady = endToEnd(load, new Feedbacks(runId + "l"), mail, meter, steadyRate);
                readings.put("at " + steadyRate + "/s", steady.reading());
                report.steadyRate = steadyRate;
                report.steadyE2eP99 = steady.p99();
            }
            settle(bootstrap, steadyRate > 0 ? "the steady rate" : "the warm-up");
            EndToEnd target = endToEnd(load, new Feedbacks(runId + "e"), mail, meter, e2eRate);
            readings.put("at " + e2eRate + "/s", target.reading());
            report.e2eP99 = target.p99();
            report.e2eAcceptP99 = target.acceptP99();
            // no settling here: at the target rate the backlog takes many minutes to work off, and the
            // saturation phase measures the front door while the other services work on it
            readings.put("saturated", saturate(load, new Feedbacks(runId + "s"), topics, meter));
            report.resources(readings);

            double importRate = importRows > 0 ? bulkImport(stack, runId) : Double.NaN;
            for (LoopStack.Service service : LoopStack.SERVICES) {
                stack.service(service.module()).close(); // the raw limits get the machine to themselves
            }
            rawLimits(stack, topics, work);
            report.targets(importRate, importRows);
        }
    }

    /** Compiles the hot paths of all four services before anything is measured. */
    private void warmUp(FeedbackLoad load, Feedbacks feedbacks, TopicCounter topics) throws InterruptedException {
        long sentBefore = topics.records(LoopTopics.FOLLOWUP_SENT);
        FeedbackLoad.Outcome outcome = load.atRate(200, warmUp, 500,
                n -> feedbacks.feedback(n, Feedbacks.detractorScore(n), false), null);
        topics.awaitRecords(LoopTopics.FOLLOWUP_SENT, sentBefore + outcome.accepted(), drainLimit);
        LOG.infof("warm-up: %d feedback through the loop", outcome.accepted());
    }

    /** Waits until every service has consumed everything published so far, so that no phase pays for the one before. */
    private void settle(String bootstrapServers, String previous) throws Exception {
        long started = System.nanoTime();
        boolean settled = ConsumerLag.awaitZero(bootstrapServers, drainLimit);
        LOG.infof("%s after %s: %.1f s", settled ? "settled" : "NOT settled", previous, (System.nanoTime() - started) / 1e9);
        if (!settled) {
            report.line("  (the services were still behind %d s after %s: the next phase shares the cores with that work)",
                    drainLimit.toSeconds(), previous);
        }
    }

    /** @param p99 POST -> email; infinite when more than 1 % of the emails never came */
    private record EndToEnd(ResourceMeter.Reading reading, double p99, double acceptP99) {
    }

    private EndToEnd endToEnd(FeedbackLoad load, Feedbacks feedbacks, MailArrivals mail, ResourceMeter meter,
                              int rate) throws InterruptedException {
        Map<String, Long> dueByEmail = new ConcurrentHashMap<>();
        ResourceMeter.Phase phase = meter.start();
        FeedbackLoad.Outcome outcome = load.atRate(rate, e2eDuration, 512,
                n -> feedbacks.feedback(n, Feedbacks.detractorScore(n), false),
                (submission, body, due) -> dueByEmail.put(submission.email(), due));
        long deadline = System.nanoTime() + drainLimit.toNanos();
        while (dueByEmail.keySet().stream().anyMatch(email -> mail.firstArrival(email) == null)
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        ResourceMeter.Reading reading = phase.end();
        Latencies endToEnd = new Latencies();
        long missing = 0;
        long doubled = 0;
        for (Map.Entry<String, Long> sent : dueByEmail.entrySet()) {
            Long arrived = mail.firstArrival(sent.getKey());
            if (arrived == null) {
                missing++;
            } else {
                endToEnd.add(arrived - sent.getValue());
                doubled += mail.count(sent.getKey()) > 1 ? 1 : 0;
            }
        }
        report.blank();
        report.line("End to end at a fixed %d feedback/s for %d s (every one a detractor: ingest -> categorize -> case ->",
                rate, e2eDuration.toSeconds());
        report.line("  acknowledgement email received by the SMTP server; latency counts from when each POST was due)");
        report.outcome(outcome);
        report.line("  emails received: %d of %d, %d missing after %d s, %d customers with more than one",
                endToEnd.count(), dueByEmail.size(), missing, drainLimit.toSeconds(), doubled);
        report.line("  POST -> email:   %s", endToEnd.summary());
        // an email that never came is slower than any that did: with more than 1 % missing, p99 is unknown
        boolean p99Known = missing * 100 <= dueByEmail.size();
        if (!p99Known) {
            report.line("  (of all %d, %.1f %% never arrived within %d s: the true p99 is above that)", dueByEmail.size(),
                    missing * 100.0 / dueByEmail.size(), drainLimit.toSeconds());
        }
        return new EndToEnd(reading, p99Known ? endToEnd.millis(99)[0] : Double.POSITIVE_INFINITY,
                outcome.latencies().millis(99)[0]);
    }

    private ResourceMeter.Reading saturate(FeedbackLoad load, Feedbacks feedbacks, TopicCounter topics,
                                           ResourceMeter meter) throws InterruptedException {
        long receivedBefore = topics.records(LoopTopics.FEEDBACK_RECEIVED);
        long categorizedBefore = topics.records(LoopTopics.FEEDBACK_CATEGORIZED);
        ResourceMeter.Phase phase = meter.start();
        long started = System.nanoTime();
        FeedbackLoad.Outcome outcome = load.saturate(connections, saturation,
                n -> feedbacks.feedback(n, Feedbacks.mixedScore(n), false), null);
        ResourceMeter.Reading reading = phase.end();
        long categorizedDuringLoad = topics.records(LoopTopics.FEEDBACK_CATEGORIZED) - categorizedBefore;
        boolean drained = topics.awaitRecords(LoopTopics.FEEDBACK_CATEGORIZED, categorizedBefore + outcome.accepted(),
                drainLimit);
        long receivedTotal = topics.records(LoopTopics.FEEDBACK_RECEIVED);
        long categorized = topics.records(LoopTopics.FEEDBACK_CATEGORIZED) - categorizedBefore;
        double categorizerSeconds = (topics.tally(LoopTopics.FEEDBACK_CATEGORIZED).lastArrivalNanos - started) / 1e9;

        report.blank();
        report.line("Saturation: %d connections posting as fast as answered, for %d s (half promoters, a quarter",
                connections, saturation.toSeconds());
        report.line("  passives, a quarter detractors; the other three services work on the same 2 cores meanwhile)");
        report.outcome(outcome);
        report.acceptedPerSecond = outcome.acceptedPerSecond();
        report.acceptP99 = outcome.latencies().millis(99)[0];
        report.line("  feedback.received.v1: %d records, %.0f bytes each on average",
                receivedTotal - receivedBefore, topics.tally(LoopTopics.FEEDBACK_RECEIVED).averageBytes());
        report.receivedRecordBytes = (int) Math.round(topics.tally(LoopTopics.FEEDBACK_RECEIVED).averageBytes());
        report.line("Categorizer: %.0f feedback/s (%d categorized while the load ran, %d in all%s, last one %.1f s "
                        + "after the load began)", categorized / categorizerSeconds, categorizedDuringLoad, categorized,
                drained ? "" : ", NOT all within " + drainLimit.toSeconds() + " s", categorizerSeconds);
        return reading;
    }

    /** A survey export streamed into feedback-ingest, the other three services stopped so it has the machine. */
    private double bulkImport(LoopStack stack, String runId) throws IOException, InterruptedException {
        for (String module : List.of("feedback-categorize", "feedback-action", "closeloop-notifier")) {
            stack.service(module).close();
        }
        String ingest = stack.service("feedback-ingest").baseUrl();
        String key = IngestAdmin.issueKey(ingest, stack.adminAccessToken(), "email");
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingest + "/api/v1/feedback/import"))
                .timeout(Duration.ofHours(1)).header("Content-Type", "text/csv").header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> exportOf(importRows, runId))).build();
        long started = System.nanoTime();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        JsonNode answer = JSON.readTree(response.body());
        report.blank();
        report.line("Bulk import: %d CSV rows in %.1f s = %.0f rows/s (HTTP %d: %d imported, %d rejected; categorize,",
                importRows, seconds, importRows / seconds, response.statusCode(), answer.path("imported").asLong(),
                answer.path("rejected").asLong());
        report.line("  action and notifier stopped meanwhile; they would work the backlog afterwards)");
        return importRows / seconds;
    }

    private static InputStream exportOf(int rows, String runId) {
        return GeneratedFile.lines("customer_id,customer_email,customer_locale,nps,text,touchpoint,external_id", rows,
                i -> "c-%s-%d,import%d@example.com,%s,%d,\"Row %d: delivery was late, again\",delivery,%s-%d"
                        .formatted(runId, i, i, i % 2 == 0 ? "en" : "ru", i % 11, i, runId, i));
    }

    private void rawLimits(LoopStack stack, TopicCounter topics, Path work) throws Exception {
        int recordSize = report.receivedRecordBytes > 0 ? report.receivedRecordBytes : 700;
        stack.broker().createTopics(List.of("bench.raw-producer"), LoopTopics.PARTITIONS);
        RawLimits.KafkaProducerLimit kafka = RawLimits.kafkaProducer(stack.broker(), "bench.raw-producer",
                kafkaRecords, recordSize);
        RawLimits.PostgresCommitLimit postgres = RawLimits.postgresCommits(stack.postgres(), 32, pgbenchDuration, 600,
                work.resolve("pgbench"));
        report.blank();
        report.line("Raw limits, same machine, same broker and server, the services stopped:");
        report.line("  Kafka ProducerPerformance, %d records of %d bytes, acks=all, idempotent: %.0f records/s (%.1f MB/s)",
                kafkaRecords, recordSize, kafka.recordsPerSecond(), kafka.megabytesPerSecond());
        report.line("  PostgreSQL: %.0f commits/s by %s", postgres.commitsPerSecond(), postgres.how());
        report.line("  accepted feedback/s at saturation = %.3f of the Kafka producer limit, %.3f of the PostgreSQL commit limit",
                report.acceptedPerSecond / kafka.recordsPerSecond(), report.acceptedPerSecond / postgres.commitsPerSecond());
        SealingCost.Figures sealing = SealingCost.measure();
        report.line("  sealing a feedback.received.v1 (%d personal fields, AES-256-GCM): %.1f us, opening it: %.1f us; "
                + "the loop seals or opens %d times per feedback = %.0f us of CPU, %.3f of the CPU per accepted feedback "
                + "at saturation", sealing.fields(), sealing.sealMicros(), sealing.openMicros(), SealingCost.HOPS,
                sealing.perFeedbackMicros(), sealing.perFeedbackMicros() / (Machine.cores() * 1e6 / report.acceptedPerSecond));
        report.line("  storage at the end: Kafka %.0f MiB, PostgreSQL %.0f MiB", WorkDirectory.mebibytes(work.resolve("kafka")),
                WorkDirectory.mebibytes(work.resolve("postgres")));
    }
}
