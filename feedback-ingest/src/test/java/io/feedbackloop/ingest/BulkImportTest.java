package io.feedbackloop.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.stack.GeneratedFile;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Old survey exports come in as CSV or NDJSON files; each row is checked, reported and idempotent. */
@QuarkusTest
class BulkImportTest {

    private static final Logger LOG = Logger.getLogger(BulkImportTest.class);
    private static final String CONTACT = "customer.contact.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TopicProbe topics;

    @BeforeAll
    static void watchTopics() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), CONTACT);
    }

    @AfterAll
    static void stopWatching() {
        topics.close();
    }

    private static JsonPath importFile(String channel, String contentType, byte[] file) {
        return IngestApi.as(channel).contentType(contentType).body(file)
                .when().post("/api/v1/feedback/import").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void csvExportIsImportedWithPerRowErrorsByLineAndCanBeSentAgainSafely() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = """
                customer_id,customer_email,customer_locale,nps,csat,text,touchpoint,external_id,meta.survey
                c1-%1$s,a@example.com,ru,9,,Всё отлично 👍,checkout,,spring
                c2-%1$s,b@example.com,en,3,2,"Late delivery,
                and nobody answered \"\"where is it?\"\"\",delivery,ext-2-%1$s,spring
                c3-%1$s,c@example.com,en,11,,out of range,checkout,,spring
                c4-%1$s,not-an-email,en,5,,,checkout,,spring
                c5-%1$s,e@example.com,en,ten,,,checkout,,spring
                c6-%1$s,f@example.com,en,,4,fine,checkout,,spring
                """.formatted(run);
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);

        JsonPath report = importFile("email", "text/csv", file);
        assertEquals(6, report.getInt("rows"));
        assertEquals(3, report.getInt("imported"));
        assertEquals(3, report.getInt("rejected"));
        assertEquals(5L, report.getLong("errors.find { it.field == 'scores[0].value' }.line"), report.prettify());
        assertEquals("customer.email", report.getString("errors.find { it.line == 6 }.field"));
        assertEquals("nps", report.getString("errors.find { it.line == 7 }.field"));

        IngestApi.as("email").queryParam("customerId", "c2-" + run).when().get("/api/v1/feedback")
                .then().statusCode(200)
                .body("items[0].text", equalTo("Late delivery,\nand nobody answered \"where is it?\""))
                .body("items[0].scores.metric", hasItem("csat"))
                .body("items[0].metadata.survey", equalTo("spring"))
                .body("items[0].channel", equalTo("email"));
        IngestApi.as("email").queryParam("customerId", "c1-" + run).when().get("/api/v1/feedback")
                .then().body("items[0].text", equalTo("Всё отлично 👍"));

        JsonPath again = importFile("email", "text/csv", file);
        assertEquals(0, again.getInt("imported"), "re-importing the same export creates nothing new");
        assertEquals(3, again.getInt("duplicates"));
    }

    @Test
    void anImportedRowPublishesItsContactOnceAndADuplicateRowNone() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String customerId = "imp-" + run;
        byte[] file = """
                customer_id,customer_email,customer_phone,customer_name,customer_locale,nps,external_id
                %1$s,imp@example.com,+79167778899,Пётр,ru,8,imp-1-%2$s
                """.formatted(customerId, run).getBytes(StandardCharsets.UTF_8);
        assertEquals(1, importFile("email", "text/csv", file).getInt("imported"));
        assertEquals(1, importFile("email", "text/csv", file).getInt("duplicates"));
        // the customer's next row is keyed alike and follows on the same partition: once its contact
        // is seen, every contact the two imports before it published has been seen
        assertEquals(1, importFile("email", "text/csv", """
                customer_id,customer_phone,nps,external_id
                %1$s,+79167778899,6,imp-2-%2$s
                """.formatted(customerId, run).getBytes(StandardCharsets.UTF_8)).getInt("imported"));
        String imported = feedbackId(customerId, "imp-1-" + run);
        String next = feedbackId(customerId, "imp-2-" + run);
        topics.await(CONTACT, r -> r.value().contains(next), 1, Duration.ofSeconds(20));

        List<ConsumerRecord<String, String>> contacts = topics.records(CONTACT).stream()
                .filter(r -> customerId.equals(r.key())).toList();
        assertEquals(2, contacts.size(), "one contact per imported row, none for the duplicate");
        JsonNode contact = JSON.readTree(contacts.get(0).value());
        assertEquals(imported, contact.get("feedbackId").asText());
        assertEquals(customerId, contact.get("customerId").asText());
        assertEquals("imp@example.com", contact.get("email").asText());
        assertEquals("+79167778899", contact.get("phone").asText());
        assertEquals("Пётр", contact.get("name").asText());
        assertEquals("ru", contact.get("locale").asText());
        JsonNode phoneOnly = JSON.readTree(contacts.get(1).value());
        assertEquals(next, phoneOnly.get("feedbackId").asText());
        assertTrue(phoneOnly.get("email").isNull() && phoneOnly.get("name").isNull());
    }

    /** The id of the customer's feedback with this external id, as the API lists it. */
    private static String feedbackId(String customerId, String externalId) {
        return IngestApi.as("email").queryParam("customerId", customerId).when().get("/api/v1/feedback")
                .then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.externalId == '" + externalId + "' }.id");
    }

    @Test
    void ndjsonLinesAreImportedAndEachBadLineIsReported() {
        String run = UUID.randomUUID().toString();
        String ndjson = """
                {"customer":{"id":"n1-%1$s","email":"n@example.com"},"npsScore":4,"text":"meh"}
                this is not json

                {"customer":{"id":"n2-%1$s","email":"n@example.com"},"channel":"chat","npsScore":4}
                {"customer":{"id":"n3-%1$s","email":"n@example.com"},"scores":[{"metric":"ces","value":6}]}
                """.formatted(run);
        JsonPath report = importFile("web", "application/x-ndjson", ndjson.getBytes(StandardCharsets.UTF_8));
        assertEquals(4, report.getInt("rows"));
        assertEquals(2, report.getInt("imported"));
        assertEquals(2L, report.getLong("errors.find { it.rule == 'json' }.line"));
        assertEquals(4L, report.getLong("errors.find { it.rule == 'key-channel' }.line"));
    }

    @Test
    void unknownCsvColumnRefusesTheWholeFile() {
        IngestApi.as("web").contentType("text/csv").body("customer_id,nps_score\nc,5\n")
                .when().post("/api/v1/feedback/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("nps_score")).body("violations[0].rule", equalTo("known-column"));
    }

    @Test
    void anImportNeedsAKeyAndAKnownFormat() {
        IngestApi.as("web").contentType("application/vnd.ms-excel").body(new byte[] {1, 2, 3})
                .when().post("/api/v1/feedback/import")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
        io.restassured.RestAssured.given().contentType("text/csv").body("customer_id\nc\n")
                .when().post("/api/v1/feedback/import")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theImportIsDocumentedInTheOpenApiDocument() {
        io.restassured.RestAssured.given().when().get("/q/openapi?format=json")
                .then().statusCode(200).body(org.hamcrest.Matchers.containsString("/api/v1/feedback/import"));
    }

    @Test
    void oversizedSingleSubmissionIsRefusedWithAProblem() {
        IngestApi.as("web").contentType(ContentType.JSON)
                .body(IngestApi.submission("c-big", "5", "\"" + "x".repeat(70_000) + "\""))
                .when().post("/api/v1/feedback").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aGeneratedExportOfTwentyThousandRowsStreamsThrough() {
        int rows = 20_000;
        String run = UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();
        JsonPath report = IngestApi.as("web").contentType("text/csv").body(generatedCsv(run, rows))
                .when().post("/api/v1/feedback/import").then().statusCode(200).extract().jsonPath();
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("imported %d generated rows in %d ms (%.0f rows/s)", rows, millis, rows * 1000.0 / millis);
        assertEquals(rows, report.getInt("imported"));
        assertEquals(0, report.getInt("rejected"));
    }

    private static InputStream generatedCsv(String run, int rows) {
        return GeneratedFile.lines("customer_id,customer_email,nps,text,external_id", rows,
                i -> "g-%s-%d,g%d@example.com,%d,generated row %d,gen-%s-%d".formatted(run, i, i, i % 11, i, run, i));
    }
}
