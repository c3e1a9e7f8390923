package io.feedbackloop.looptests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackloop.stack.GeneratedFile;
import io.feedbackloop.stack.IngestAdmin;
import io.feedbackloop.stack.LoopStack;
import io.feedbackloop.stack.ServiceProcess;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A survey export larger than the heap (generated while it is sent, so nothing holds it whole:
 * 80,000 rows of two kilobytes, 170 MB) streams into a feedback-ingest process whose heap is
 * capped at 128 MB. If the service buffered the file, or kept rows in memory, it would die of
 * OutOfMemoryError. {@code -Dimport.rows=N} changes the size; the import rate of the whole loop
 * is a figure of {@code deploy/bench/run}, not of this test.
 */
class BulkImportIT {

    private static final Logger LOG = Logger.getLogger(BulkImportIT.class);
    private static final int ROWS = Integer.getInteger("import.rows", 80_000);
    private static final String HEAP = "-Xmx128m";
    private static LoopStack stack;
    private static ServiceProcess ingest;

    /**
     * The whole loop (feedback-action issues the administrator's token that creates the channel key),
     * with ingest restarted on the small heap under test. The downstream services are stopped once
     * the key exists: the file, not their work on two cores, is what this test is about.
     */
    @BeforeAll
    static void startIngest() throws Exception {
        stack = LoopStack.start(LoopStack.repositoryRoot(), Files.createTempDirectory("loop-import"), false, false);
        ingest = stack.service("feedback-ingest");
        ingest.close();
        ingest.withJvmOptions(List.of(HEAP, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"))
                .start().awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anExportLargerThanTheHeapImportsWithinIt() throws Exception {
        String key = IngestAdmin.issueKey(ingest.baseUrl(), stack.adminAccessToken(), "email");
        for (String downstream : List.of("feedback-categorize", "feedback-action", "closeloop-notifier")) {
            stack.service(downstream).close();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingest.baseUrl() + "/api/v1/feedback/import"))
                .timeout(Duration.ofMinutes(40))
                .header("Content-Type", "text/csv")
                .header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> generatedCsv(ROWS))).build();
        long started = System.nanoTime();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, response.statusCode(), response.body());
        JsonNode report = LoopClient.JSON.readTree(response.body());
        LOG.infof("imported %d rows with %s in %d ms: %.0f rows/s", report.get("imported").asLong(), HEAP, millis,
                ROWS * 1000.0 / millis);
        assertEquals(ROWS, report.get("rows").asLong());
        assertEquals(ROWS - ROWS / 1000, report.get("imported").asLong());
        assertEquals(ROWS / 1000, report.get("rejected").asLong(), "every thousandth row has an NPS of 12");
        assertEquals(3L, report.at("/errors/0/line").asLong(), "line numbers count the header");
        assertTrue(ingest.isRunning(), "the service survived with a " + HEAP + " heap");
    }

    /**
     * A CSV export produced while it is read, about two kilobytes per row: every thousandth row has an
     * NPS of 12, on purpose.
     */
    private static InputStream generatedCsv(int rows) {
        return GeneratedFile.lines("customer_id,customer_email,customer_locale,nps,text,touchpoint,external_id", rows,
                i -> "c-%d,customer%d@example.com,%s,%d,\"Row %d: %s\",delivery,export-%d"
                        .formatted(i, i, i % 2 == 0 ? "en" : "ru", i % 1000 == 1 ? 12 : i % 11, i, LONG_TEXT, i));
    }

    private static final String LONG_TEXT = ("The parcel came two days late, the box was crushed and nobody answered "
            + "the chat, so I had to call twice; ").repeat(20);
}
