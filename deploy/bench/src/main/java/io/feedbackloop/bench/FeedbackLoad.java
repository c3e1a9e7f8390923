package io.feedbackloop.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A support channel at scale: posts feedback to feedback-ingest over HTTP/1.1 with many
 * connections, either as fast as {@code connections} callers can (throughput) or at a fixed
 * arrival rate (latency). At a fixed rate a request's latency counts from when it was due, not
 * from when it went out, so a stalled server cannot hide its stall (no coordinated omission).
 */
final class FeedbackLoad {

    /** One feedback to post: the customer's address identifies it at the SMTP server. */
    record Submission(String email, String json, String idempotencyKey) {
    }

    interface Submissions {
        Submission next(long sequence);
    }

    interface AcceptedListener {
        /** @param dueNanos {@link System#nanoTime()} when the request was due */
        void accepted(Submission submission, String responseBody, long dueNanos);
    }

    /** What one phase did. {@code failed}: no answer (connection refused or reset, time-out). */
    record Outcome(long offered, long accepted, long failed, Map<Integer, Long> refusedByStatus, double seconds,
                   Latencies latencies) {
        double acceptedPerSecond() {
            return accepted / seconds;
        }

        long refused() {
            return refusedByStatus.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final HttpClient http;
    private final URI feedbackUri;
    private final String apiKey;
    private final ExecutorService clientThreads;

    FeedbackLoad(String ingestUrl, String apiKey) {
        this.clientThreads = Executors.newFixedThreadPool(2, daemon("http-client"));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(clientThreads).build();
        this.feedbackUri = URI.create(ingestUrl + "/api/v1/feedback");
        this.apiKey = apiKey;
    }

    /** {@code connections} callers, each posting its next feedback as soon as the last is answered. */
    Outcome saturate(int connections, Duration duration, Submissions submissions, AcceptedListener listener)
            throws InterruptedException {
        return asFastAsAnswered(connections, duration.toNanos(), Long.MAX_VALUE, submissions, listener);
    }

    /** {@code total} feedback (sequence 0 to total − 1), posted as {@link #saturate} posts them. */
    Outcome saturate(int connections, long total, Submissions submissions, AcceptedListener listener)
            throws InterruptedException {
        return asFastAsAnswered(connections, Long.MAX_VALUE, total, submissions, listener);
    }

    private Outcome asFastAsAnswered(int connections, long durationNanos, long total, Submissions submissions,
                                     AcceptedListener listener) throws InterruptedException {
        Tally tally = new Tally();
        AtomicLong sequence = new AtomicLong();
        long started = System.nanoTime();
        long end = durationNanos == Long.MAX_VALUE ? Long.MAX_VALUE : started + durationNanos;
        List<Thread> callers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread caller = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long n = sequence.getAndIncrement();
                    if (n >= total) {
                        return;
                    }
                    Submission submission = submissions.next(n);
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request(submission), HttpResponse.BodyHandlers.ofString());
                        tally.answered(submission, response, sent, System.nanoTime(), listener);
                    } catch (IOException e) {
                        tally.failed.increment();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "caller-" + c);
            caller.setDaemon(true);
            caller.start();
            callers.add(caller);
        }
        for (Thread caller : callers) {
            caller.join();
        }
        return tally.outcome(Math.min(sequence.get(), total), (System.nanoTime() - started) / 1e9);
    }

    /** Requests due at {@code perSecond}, whatever the answers' speed, at most {@code maxOutstanding} open. */
    Outcome atRate(int perSecond, Duration duration, int maxOutstanding, Submissions submissions,
                   AcceptedListener listener) throws InterruptedException {
        Tally tally = new Tally();
        Semaphore open = new Semaphore(maxOutstanding);
        long total = perSecond * duration.toSeconds();
        long interval = 1_000_000_000L / perSecond;
        long started = System.nanoTime();
        for (long n = 0; n < total; n++) {
            long due = started + n * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            open.acquire();
            Submission submission = submissions.next(n);
            http.sendAsync(request(submission), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                try {
                    if (failure != null) {
                        tally.failed.increment();
                    } else {
                        tally.answered(submission, response, due, System.nanoTime(), listener);
                    }
                } finally {
                    open.release();
                }
            });
        }
        open.acquire(maxOutstanding); // every answer in
        open.release(maxOutstanding);
        return tally.outcome(total, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Posts one feedback until it gets an answer, as a careful channel does: the same
     * Idempotency-Key on every attempt, so a retry after a lost answer cannot make a second one.
     *
     * @return the accepted answer's body, or null when the feedback was refused (4xx)
     */
    String submitUntilAnswered(Submission submission, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                HttpResponse<String> response = http.send(request(submission), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201 || response.statusCode() == 200) {
                    return response.body();
                }
                if (response.statusCode() < 500 && response.statusCode() != 429) {
                    return null;
                }
            } catch (IOException e) {
                // down or restarting: try again
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no answer for " + submission.idempotencyKey() + " within " + patience);
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    private HttpRequest request(Submission submission) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(feedbackUri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Api-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(submission.json()));
        if (submission.idempotencyKey() != null) {
            builder.header("Idempotency-Key", submission.idempotencyKey());
        }
        return builder.build();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class Tally {
        final LongAdder accepted = new LongAdder();
        final LongAdder failed = new LongAdder();
        final Map<Integer, LongAdder> refused = new ConcurrentHashMap<>();
        final Latencies latencies = new Latencies();

        void answered(Submission submission, HttpResponse<String> response, long due, long answered,
                      AcceptedListener listener) {
            if (response.statusCode() == 201) {
                accepted.increment();
                latencies.add(answered - due);
                if (listener != null) {
                    listener.accepted(submission, response.body(), due);
                }
            } else {
                refused.computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
            }
        }

        Outcome outcome(long offered, double seconds) {
            Map<Integer, Long> byStatus = new java.util.TreeMap<>();
            refused.forEach((status, count) -> byStatus.put(status, count.sum()));
            return new Outcome(offered, accepted.sum(), failed.sum(), byStatus, seconds, latencies);
        }
    }
}
