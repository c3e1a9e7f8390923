package io.feedbackloop.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.stack.LoopStack;
import io.feedbackloop.stack.RandomSecrets;
import io.feedbackloop.stack.SignIn;
import org.jboss.logging.Logger;

/**
 * The web console's inbox when a team has many open cases: {@code BENCH_INBOX_CASES} (10,000)
 * detractors posted through feedback-ingest open as many cases for {@code customer-care}; an agent
 * of that team signs in at the console's form; then the first page of {@code GET /inbox} is timed
 * next to the feedback-action call behind it ({@code GET /api/v1/cases}, the same filter, the
 * agent's token), so the console's own share shows, and the rows fragment the open page polls.
 * A measurement, not an assertion: a miss of the target is printed, never fails the run.
 *
 * <p>It starts its own loop (with the console) on an emptied folder, so that the cases are this
 * stage's alone and nothing else runs while it measures. Run alone by {@code deploy/bench/inbox};
 * {@code deploy/bench/run} runs it after the other phases.
 */
public final class InboxAtScale {

    private static final Logger LOG = Logger.getLogger(InboxAtScale.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String TEAM = "customer-care";
    /** The inbox's default filter: the work still to do. */
    static final String STATUSES = "open,in_progress,waiting_customer";
    static final double TARGET_P95_MILLIS = 300;
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern ROW = Pattern.compile("<tr[^>]*data-case=");

    /** Open cases to have before measuring (0 skips the stage). */
    static final int CASES = BenchSettings.integer("BENCH_INBOX_CASES", 10_000);
    private final int warmUpRequests = BenchSettings.integer("BENCH_INBOX_WARMUP", 20);
    private final int requests = BenchSettings.integer("BENCH_INBOX_REQUESTS", 200);
    private final int connections = BenchSettings.integer("BENCH_CONNECTIONS", 64);
    /** From the first POST: past it, the stage measures with the cases it has and says how many. */
    private final Duration fillLimit = BenchSettings.seconds("BENCH_INBOX_FILL_SECONDS", 900);
    /** Until every consumer group has caught up after the fill (the notifier's emails take longest). */
    private final Duration settleLimit = BenchSettings.seconds("BENCH_INBOX_SETTLE_SECONDS", 600);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Alone: {@code deploy/bench/inbox}; the report is also kept in deploy/bench/target/inbox-report.txt. */
    public static void main(String[] args) throws Exception {
        Path root = LoopStack.repositoryRoot();
        Report report = new Report();
        report.line("Console inbox benchmark, %s", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        report.line("Machine: %s", Machine.describe());
        report.line("Service JVMs: %s", System.getenv().getOrDefault("LOOP_SERVICE_JVM_OPTS", "(stack default)"));
        try {
            new InboxAtScale().run(root, root.resolve("deploy/bench/target/work"),
                    Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36), report);
        } finally {
            Path file = root.resolve("deploy/bench/target/inbox-report.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report.text());
            LOG.infof("%n%s%nreport written to %s", report.text(), root.relativize(file));
        }
    }

    void run(Path root, Path work, String runId, Report report) throws Exception {
        WorkDirectory.fresh(work);
        // ingest's abuse limits (600 requests a minute per key, 1,200 per address) would make the fill
        // take 17 minutes from one address; a deployment raises them for a channel this busy
        Map<String, String> unthrottled = LoopBenchmark.UNTHROTTLED;
        // keepData = true on an emptied folder, as the other phases: PostgreSQL syncs its commits
        try (LoopStack stack = LoopStack.start(root, work, false, true, unthrottled, true)) {
            String action = stack.service("feedback-action").baseUrl();
            String console = stack.service("console").baseUrl();
            report.blank();
            report.line("Console inbox at scale: %,d open cases of one team (%s), one agent of it signed in at the",
                    CASES, TEAM);
            report.line("  console; a fresh loop with the console (PostgreSQL fsync %s, synchronous_commit %s), ingest's",
                    stack.postgres().setting("fsync"), stack.postgres().setting("synchronous_commit"));
            report.line("  per-key and per-address limits raised for the fill");

            fill(stack, new Feedbacks(runId + "i"), report);

            // the acknowledgement emails of the fill may still be going out: measure a loop at rest
            long settling = System.nanoTime();
            boolean settled = ConsumerLag.awaitZero(stack.broker().bootstrapServers(), settleLimit);
            LOG.infof("inbox: %s after the fill: %.1f s", settled ? "settled" : "NOT settled",
                    (System.nanoTime() - settling) / 1e9);
            if (settled) {
                report.line("  every consumer group caught up %.0f s after that (cases still to open, the notifier's "
                        + "emails); then timed", (System.nanoTime() - settling) / 1e9);
            } else {
                report.line("  (the services were still behind %d s after the fill: the requests share the cores "
                        + "with that work)", settleLimit.toSeconds());
            }

            String agent = "inbox-agent-" + runId + "@example.com";
            String password = RandomSecrets.password(20);
            addAgent(action, stack.adminAccessToken(), agent, password);
            String bearer = SignIn.accessToken(action, agent, password);
            long listed = countOpen(action, bearer);
            report.line("  open cases the agent's list holds (GET /api/v1/cases?status=%s, walked to its end): %,d",
                    STATUSES, listed);
            if (listed < CASES) {
                report.line("  (fewer than the %,d asked for: the figures below are for %,d)", CASES, listed);
            }
            String cookies = signInAtConsole(console, agent, password);
            measure(stack, bearer, cookies, report);
        }
    }

    /** Posts the detractors and waits until feedback-action has opened a case for each. @return open cases */
    private long fill(LoopStack stack, Feedbacks feedbacks, Report report) throws Exception {
        String action = stack.service("feedback-action").baseUrl();
        FeedbackLoad load = new FeedbackLoad(stack.service("feedback-ingest").baseUrl(), stack.webChannelKey());
        long started = System.nanoTime();
        long deadline = started + fillLimit.toNanos();
        long posted = 0;
        long accepted = 0;
        long refused = 0;
        long failed = 0;
        Latencies acceptLatency = null;
        // refused or unanswered posts are made up for with new customers, a few rounds at most
        for (int round = 0; round < 5 && accepted < CASES && System.nanoTime() < deadline; round++) {
            long first = posted;
            FeedbackLoad.Outcome outcome = load.saturate(connections, CASES - accepted,
                    n -> feedbacks.feedback(first + n, Feedbacks.detractorScore(first + n), false), null);
            posted += outcome.offered();
            accepted += outcome.accepted();
            refused += outcome.refused();
            failed += outcome.failed();
            acceptLatency = acceptLatency == null ? outcome.latencies() : acceptLatency;
        }
        double postSeconds = (System.nanoTime() - started) / 1e9;
        LOG.infof("inbox fill: %d of %d accepted in %.1f s; waiting for the cases", accepted, posted, postSeconds);

        long open = 0;
        long lastLog = 0;
        while ((open = openCases(action, stack.adminAccessToken())) < accepted && System.nanoTime() < deadline) {
            if (System.nanoTime() - lastLog > 30_000_000_000L) {
                LOG.infof("inbox fill: %d open cases of %d, %.0f s after the first POST", open, accepted,
                        (System.nanoTime() - started) / 1e9);
                lastLog = System.nanoTime();
            }
            Thread.sleep(2000);
        }
        double caseSeconds = (System.nanoTime() - started) / 1e9;
        report.line("  fill: %,d detractors posted by %d connections as fast as answered: %,d accepted in %.1f s = %.0f/s,",
                posted, connections, accepted, postSeconds, accepted / postSeconds);
        report.line("    refused %d, no answer %d; accept latency %s", refused, failed,
                acceptLatency == null ? "-" : acceptLatency.summary());
        report.line("  %,d cases open (feedback-action's loop metrics for %s) %.0f s after the first POST = %.0f cases/s%s",
                open, TEAM, caseSeconds, open / caseSeconds, open >= accepted ? ""
                        : String.format("; NOT all within %d s", fillLimit.toSeconds()));
        return open;
    }

    /** Opened minus closed among the team's cases of the last 30 days: here, all of them. */
    private long openCases(String action, String adminToken) throws IOException, InterruptedException {
        HttpResponse<String> response = get(action + "/api/v1/loop-metrics?team=" + TEAM,
                "Authorization", "Bearer " + adminToken);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("loop metrics answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode total = JSON.readTree(response.body()).path("total");
        return total.path("casesOpened").asLong() - total.path("casesClosed").asLong();
    }

    private void addAgent(String action, String adminToken, String email, String password)
            throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("email", email).put("name", "Inbox benchmark agent")
                .put("role", "agent").put("password", password).toString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(action + "/api/v1/teams/" + TEAM + "/members")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("adding the agent answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The agent's open cases as the inbox filters them, counted page by page (200 a page). */
    private long countOpen(String action, String bearer) throws IOException, InterruptedException {
        long count = 0;
        String cursor = null;
        do {
            HttpResponse<String> response = get(action + "/api/v1/cases?status=" + STATUSES + "&limit=200"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                    "Authorization", "Bearer " + bearer);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the case list answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode page = JSON.readTree(response.body());
            count += page.path("items").size();
            cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (cursor != null);
        return count;
    }

    /**
     * Signs in at the console's form as a browser does: the form's token from {@code GET /sign-in}
     * (hidden field and cookie), then {@code POST /sign-in}, answered 303 with the session cookie.
     *
     * @return the Cookie header a browser would send afterwards
     */
    private String signInAtConsole(String console, String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = get(console + "/sign-in");
        String csrfCookie = cookie(form, "console_csrf");
        Matcher field = CSRF_FIELD.matcher(form.body());
        if (form.statusCode() != 200 || csrfCookie == null || !field.find()) {
            throw new IllegalStateException("the sign-in form answered " + form.statusCode() + " without its form token");
        }
        String body = "csrf=" + URLEncoder.encode(field.group(1), StandardCharsets.UTF_8)
                + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(console + "/sign-in"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "console_csrf=" + csrfCookie)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String session = cookie(signedIn, "console_session");
        if (signedIn.statusCode() != 303 || session == null) {
            throw new IllegalStateException("signing in at the console answered " + signedIn.statusCode()
                    + (session == null ? " without a session cookie" : ""));
        }
        return "console_session=" + session + "; console_csrf=" + csrfCookie;
    }

    private static String cookie(HttpResponse<?> response, String name) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            if (header.startsWith(name + "=")) {
                int end = header.indexOf(';');
                return header.substring(name.length() + 1, end < 0 ? header.length() : end);
            }
        }
        return null;
    }

    /** One kind of request, timed; {@code rows} counts what came back, to show it was a full page. */
    private final class Series {
        final String name;
        final String url;
        final String[] headers;
        final boolean json;
        final Latencies latencies = new Latencies();
        long failures;
        long rows = -1;

        Series(String name, String url, boolean json, String... headers) {
            this.name = name;
            this.url = url;
            this.json = json;
            this.headers = headers;
        }

        void call(boolean timed) throws IOException, InterruptedException {
            long sent = System.nanoTime();
            HttpResponse<String> response = get(url, headers);
            long answered = System.nanoTime();
            if (response.statusCode() != 200) {
                failures++;
                if (failures == 1) {
                    LOG.warnf("%s answered %d: %.300s", name, response.statusCode(), response.body());
                }
                return;
            }
            if (timed) {
                latencies.add(answered - sent);
            }
            if (rows < 0) {
                rows = json ? JSON.readTree(response.body()).path("items").size()
                        : ROW.matcher(response.body()).results().count();
            }
        }
    }

    /**
     * One request at a time, the three kinds in turn (so that each sees the same moment of the
     * machine: a gauge refresh or a collection falls on all three alike), first unmeasured, then timed.
     */
    private void measure(LoopStack stack, String bearer, String cookies, Report report)
            throws IOException, InterruptedException {
        String console = stack.service("console").baseUrl();
        String action = stack.service("feedback-action").baseUrl();
        String poll = STATUSES.replaceAll("([a-z_]+),?", "status=$1&") + "since="
                + URLEncoder.encode(Instant.now().toString(), StandardCharsets.UTF_8);
        Series inbox = new Series("console GET /inbox", console + "/inbox", false, "Cookie", cookies);
        Series rows = new Series("console GET /inbox/rows", console + "/inbox/rows?" + poll, false,
                "Cookie", cookies, "HX-Request", "true");
        Series api = new Series("feedback-action GET /api/v1/cases", action + "/api/v1/cases?status=" + STATUSES
                + "&limit=50", true, "Authorization", "Bearer " + bearer);
        List<Series> all = List.of(inbox, api, rows);
        for (int i = 0; i < warmUpRequests; i++) {
            for (Series series : all) {
                series.call(false);
            }
        }
        Cpu cpu = new Cpu(stack);
        for (int i = 0; i < requests; i++) {
            for (Series series : all) {
                series.call(true);
            }
        }
        String usage = cpu.end();
        report.line("  first page, %d requests of each after %d unmeasured, one at a time, the three in turn;",
                requests, warmUpRequests);
        report.line("  client-measured round trip on loopback (request sent to body read whole), not server time alone:");
        double[] page = inbox.latencies.millis(50, 95, 99, 100);
        report.line("  %-44s p50 %.1f ms, p95 %.1f ms (target < %.0f ms: %s), p99 %.1f ms, max %.1f ms (n=%d)%s",
                inbox.name + " (page, " + inbox.rows + " rows)", page[0], page[1], TARGET_P95_MILLIS,
                page[1] < TARGET_P95_MILLIS ? "met" : "NOT met", page[2], page[3], inbox.latencies.count(),
                failed(inbox));
        report.line("  %-44s %s%s", rows.name + " (fragment, " + rows.rows + " rows)", rows.latencies.summary(), failed(rows));
        report.line("  %-44s %s%s", api.name + " (" + api.rows + " items)", api.latencies.summary(), failed(api));
        double[] apiMillis = api.latencies.millis(50, 95);
        double[] rowMillis = rows.latencies.millis(50, 95);
        report.line("  the console's own share (its percentile − the API's): page p50 %.1f ms, p95 %.1f ms; fragment p50 %.1f ms, "
                + "p95 %.1f ms", page[0] - apiMillis[0], page[1] - apiMillis[1], rowMillis[0] - apiMillis[0],
                rowMillis[1] - apiMillis[1]);
        report.line("  (the page asks feedback-action for the teams too, alongside the case list; the fragment only for the cases)");
        report.line("  CPU while timed, in cores: %s", usage);
    }

    /** CPU of the parts that answer the requests while they are timed, and of whatever else ran on the machine. */
    private static final class Cpu {
        private final Map<String, Long> pids = new java.util.LinkedHashMap<>();
        private final Map<String, Double> atStart = new java.util.LinkedHashMap<>();
        private final long self = ProcessHandle.current().pid();
        private final double selfAtStart;
        private final long[] machineAtStart;
        private final long started;

        Cpu(LoopStack stack) {
            pids.put("console", stack.service("console").pid());
            pids.put("feedback-action", stack.service("feedback-action").pid());
            stack.postgres().serverPid().ifPresent(pid -> pids.put("PostgreSQL", pid));
            for (String module : List.of("feedback-ingest", "feedback-categorize", "closeloop-notifier")) {
                pids.put(module, stack.service(module).pid());
            }
            pids.put("kafka broker", stack.broker().pid());
            pids.forEach((name, pid) -> atStart.put(name, ProcessUsage.cpuSeconds(pid, true)));
            selfAtStart = ProcessUsage.cpuSeconds(self, false);
            machineAtStart = Machine.cpuTicks();
            started = System.nanoTime();
        }

        /** "console 0.41, feedback-action 0.30, …; the machine 62 % busy, 0.10 cores of it outside this benchmark" */
        String end() {
            double seconds = (System.nanoTime() - started) / 1e9;
            StringBuilder text = new StringBuilder();
            double ours = 0;
            double rest = 0;
            for (Map.Entry<String, Long> part : pids.entrySet()) {
                double cores = (ProcessUsage.cpuSeconds(part.getValue(), true) - atStart.get(part.getKey())) / seconds;
                ours += cores;
                if (List.of("console", "feedback-action", "PostgreSQL").contains(part.getKey())) {
                    text.append(String.format("%s %.2f, ", part.getKey(), cores));
                } else {
                    rest += cores;
                }
            }
            double client = (ProcessUsage.cpuSeconds(self, false) - selfAtStart) / seconds;
            ours += client;
            double machine = Machine.busyShare(machineAtStart, Machine.cpuTicks()) * Machine.cores();
            return text.append(String.format("the rest of the loop %.2f, this benchmark's client %.2f; the machine "
                    + "%.0f %% busy, %.2f cores of it outside this benchmark", rest, client,
                    machine * 100 / Machine.cores(), Math.max(0, machine - ours))).toString();
        }
    }

    private static String failed(Series series) {
        return series.failures == 0 ? "" : String.format("; %d answered other than 200", series.failures);
    }

    private HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
