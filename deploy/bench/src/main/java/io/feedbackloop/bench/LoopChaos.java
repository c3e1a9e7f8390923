package io.feedbackloop.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.stack.LoopStack;
import io.feedbackloop.stack.LoopTopics;
import io.feedbackloop.stack.ServiceProcess;
import org.jboss.logging.Logger;

/**
 * Under steady load, each service is killed with SIGKILL in turn and restarted, then the Kafka
 * broker; afterwards the loop's promises are checked: every accepted feedback received,
 * categorized and acknowledged exactly once, at most one case per feedback (exactly one per
 * detractor), nothing left in any outbox, every consumer group caught up. Prints accepted, lost
 * and duplicated per step and exits non-zero when a promise is broken. Run by {@code deploy/bench/chaos}.
 */
public final class LoopChaos {

    private static final Logger LOG = Logger.getLogger(LoopChaos.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int rate = BenchSettings.integer("CHAOS_RATE", 25);
    private final Duration between = BenchSettings.seconds("CHAOS_BETWEEN_SECONDS", 15);
    private final Duration down = BenchSettings.seconds("CHAOS_DOWN_SECONDS", 3);
    private final Duration drainLimit = BenchSettings.seconds("CHAOS_DRAIN_SECONDS", 600);

    /** Accepted feedback id -> the customer's address and score. */
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    private final LongAdder refused = new LongAdder();
    private final LongAdder unanswered = new LongAdder();
    private final StringBuilder report = new StringBuilder();

    record Accepted(String email, int nps) {
    }

    public static void main(String[] args) throws Exception {
        boolean kept = new LoopChaos().run();
        System.exit(kept ? 0 : 1);
    }

    private boolean run() throws Exception {
        Path root = LoopStack.repositoryRoot();
        Path work = root.resolve("deploy/bench/target/chaos-work");
        WorkDirectory.fresh(work);
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        line("Chaos run, %s, on %s", Instant.now().truncatedTo(ChronoUnit.SECONDS), Machine.describe());
        // a short wait for the case before thanking, so the run does not idle a minute at the end
        try (LoopStack stack = LoopStack.start(root, work, false, true, withAll(LoopBenchmark.UNTHROTTLED,
                Map.of("FOLLOWUP_ACKNOWLEDGEMENT_WAIT", "PT10S")));
             MailArrivals mail = new MailArrivals(stack.mail());
             TopicCounter topics = TopicCounter.watch(stack.broker().bootstrapServers(), List.of(
                     LoopTopics.FEEDBACK_RECEIVED, LoopTopics.FEEDBACK_CATEGORIZED, LoopTopics.ACTION_OPENED), true)) {
            FeedbackLoad load = new FeedbackLoad(stack.service("feedback-ingest").baseUrl(), stack.webChannelKey());
            Feedbacks feedbacks = new Feedbacks(runId);
            AtomicBoolean loading = new AtomicBoolean(true);
            ExecutorService channel = Executors.newFixedThreadPool(64, FeedbackLoad.daemon("channel"));
            AtomicLong offered = new AtomicLong();
            Thread pacer = new Thread(() -> pace(load, feedbacks, channel, loading, offered), "pacer");
            pacer.start();

            List<String> log = new ArrayList<>();
            for (LoopStack.Service service : LoopStack.SERVICES) {
                Thread.sleep(between.toMillis());
                ServiceProcess process = stack.service(service.module());
                process.kill();
                log.add(String.format("kill -9 %s after %d accepted", service.module(), accepted.size()));
                Thread.sleep(down.toMillis());
                process.start().awaitReady(Duration.ofSeconds(120));
            }
            Thread.sleep(between.toMillis());
            stack.broker().kill();
            log.add(String.format("kill -9 Kafka broker after %d accepted", accepted.size()));
            Thread.sleep(down.toMillis() * 2);
            stack.broker().start();
            Thread.sleep(between.toMillis());
            loading.set(false);
            pacer.join();
            channel.shutdown();
            channel.awaitTermination(5, TimeUnit.MINUTES);
            log.forEach(entry -> line("  %s", entry));
            line("Load: %d feedback/s offered for the whole run, every POST retried with its Idempotency-Key until answered", rate);
            line("  offered %d, accepted %d, refused %d, never answered %d", offered.get(), accepted.size(),
                    refused.sum(), unanswered.sum());

            long drainStarted = System.nanoTime();
            awaitDrain(mail, topics, stack.broker().bootstrapServers());
            Thread.sleep(15_000); // a late duplicate would come now
            line("Drained %.0f s after the load stopped (limit %d s), checked 15 s later", (System.nanoTime() - drainStarted) / 1e9,
                    drainLimit.toSeconds());
            boolean kept = check(stack, mail, topics);
            line(kept ? "RESULT: every promise kept" : "RESULT: BROKEN promises above");
            return kept;
        } finally {
            LOG.infof("%n%s", report);
            java.nio.file.Files.writeString(root.resolve("deploy/bench/target/chaos-report.txt"), report.toString());
        }
    }

    private void pace(FeedbackLoad load, Feedbacks feedbacks, ExecutorService channel, AtomicBoolean loading,
                      AtomicLong offered) {
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        for (long n = 0; loading.get(); n++) {
            long sequence = n;
            int nps = Feedbacks.mixedScore(sequence);
            FeedbackLoad.Submission submission = feedbacks.feedback(sequence, nps, true);
            offered.incrementAndGet();
            channel.submit(() -> {
                try {
                    String body = load.submitUntilAnswered(submission, Duration.ofMinutes(4));
                    if (body == null) {
                        refused.increment();
                    } else {
                        accepted.put(JSON.readTree(body).get("id").asText(), new Accepted(submission.email(), nps));
                    }
                } catch (Exception e) {
                    unanswered.increment();
                }
            });
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
        }
    }

    /** Until every feedback is categorized and acknowledged and every consumer group has caught up. */
    private void awaitDrain(MailArrivals mail, TopicCounter topics, String bootstrapServers) throws Exception {
        long deadline = System.nanoTime() + drainLimit.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Integer> categorized = topics.tally(LoopTopics.FEEDBACK_CATEGORIZED).distinctEventsByKey();
            boolean done = accepted.entrySet().stream().allMatch(
                    a -> categorized.containsKey(a.getKey()) && mail.count(a.getValue().email()) > 0)
                    && ConsumerLag.isZero(bootstrapServers);
            if (done) {
                return;
            }
            Thread.sleep(2000);
        }
    }

    private boolean check(LoopStack stack, MailArrivals mail, TopicCounter topics) throws Exception {
        boolean kept = true;
        line("%-44s %9s %6s %11s", "promise", "accepted", "lost", "duplicated");
        kept &= exactlyOnce("received (feedback.received.v1)", topics.tally(LoopTopics.FEEDBACK_RECEIVED).distinctEventsByKey(), null);
        kept &= exactlyOnce("categorized (feedback.categorized.v1)",
                topics.tally(LoopTopics.FEEDBACK_CATEGORIZED).distinctEventsByKey(), null);
        kept &= exactlyOnce("case for each detractor, none twice (action.opened.v1)",
                topics.tally(LoopTopics.ACTION_OPENED).distinctEventsByKey(), a -> a.nps() <= 6);
        Map<String, Integer> emails = new HashMap<>();
        accepted.forEach((id, a) -> emails.put(id, (int) mail.count(a.email())));
        kept &= exactlyOnce("acknowledgement email at the SMTP server", emails, null);

        long unsent = 0;
        for (LoopStack.Service service : LoopStack.SERVICES) {
            try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl(service.database()),
                    stack.postgres().user(), stack.postgres().password());
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")) {
                rs.next();
                unsent += rs.getLong(1);
            }
        }
        line("events stuck in an outbox (4 databases): %d", unsent);
        Map<String, Long> lag = ConsumerLag.byGroup(stack.broker().bootstrapServers());
        line("consumer lag: %s", lag);
        return kept && unsent == 0 && lag.values().stream().allMatch(l -> l == 0);
    }

    /** @param expected which accepted feedback must have one (null: all); the others must have none */
    private boolean exactlyOnce(String promise, Map<String, Integer> countsById,
                                java.util.function.Predicate<Accepted> expected) {
        long lost = 0;
        long duplicated = 0;
        long should = 0;
        for (Map.Entry<String, Accepted> a : accepted.entrySet()) {
            int count = countsById.getOrDefault(a.getKey(), 0);
            boolean wanted = expected == null || expected.test(a.getValue());
            should += wanted ? 1 : 0;
            lost += wanted && count == 0 ? 1 : 0;
            duplicated += count > 1 || (!wanted && count > 0) ? 1 : 0;
        }
        line("%-44s %9d %6d %11d", promise, should, lost, duplicated);
        return lost == 0 && duplicated == 0;
    }

    private void line(String format, Object... args) {
        report.append(String.format(format, args)).append('\n');
    }

    private static Map<String, String> withAll(Map<String, String> first, Map<String, String> second) {
        Map<String, String> all = new java.util.HashMap<>(first);
        all.putAll(second);
        return all;
    }
}
