package io.feedbackloop.ingest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(value = LoopTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "ingest"))
class FeedbackSubmissionTest {

    private static final String RECEIVED = "feedback.received.v1";
    private static final String CONTACT = "customer.contact.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TopicProbe topics;

    @BeforeAll
    static void watchTopics() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), RECEIVED, CONTACT);
    }

    @AfterAll
    static void stopWatching() {
        topics.close();
    }

    static String submission(String customerId, String score, String text) {
        return IngestApi.submission(customerId, score, text);
    }

    @Test
    void acceptedFeedbackIsStoredAndPublishedWithCloudEventsHeadersKeyedByItsId() throws Exception {
        String text = "Курьер опоздал на два дня 😡 <b>never again</b>";
        String id = IngestApi.as("web").contentType(ContentType.JSON)
                .body(submission("c-accept", "3", JSON.writeValueAsString(text)))
                .when().post("/api/v1/feedback")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/feedback/"))
                .body("loop.stage", equalTo("received"))
                .extract().path("id");

        IngestApi.as("web").when().get("/api/v1/feedback/" + id)
                .then().statusCode(200)
                .body("text", equalTo(text))
                .body("customer.name", equalTo("Анна"))
                .body("npsScore", equalTo(3))
                .body("loop.steps.stage", hasItem("received"));

        List<ConsumerRecord<String, String>> records = topics.await(RECEIVED, r -> id.equals(r.key()), 1,
                Duration.ofSeconds(20));
        assertEquals(1, records.size(), "one record keyed by the feedback id");
        ConsumerRecord<String, String> record = records.get(0);
        assertEquals("1.0", TopicProbe.header(record, "ce_specversion"));
        assertEquals("feedbackloop.feedback.received.v1", TopicProbe.header(record, "ce_type"));
        assertEquals("/feedback-ingest", TopicProbe.header(record, "ce_source"));
        assertEquals(id, TopicProbe.header(record, "ce_subject"));
        assertTrue(TopicProbe.header(record, "ce_id").length() > 0);
        assertTrue(TopicProbe.header(record, "ce_time").endsWith("Z"));
        JsonNode body = JSON.readTree(record.value());
        assertEquals(id, body.get("feedbackId").asText());
        assertEquals(text, body.get("text").asText(), "unicode text round-trips exactly");
        assertEquals("c-accept", body.at("/customer/id").asText());
        assertEquals("ru", body.at("/customer/locale").asText());
        assertEquals(3, body.get("npsScore").asInt());
    }

    @Test
    void aFeedbackPublishesItsContactOnceKeyedByTheCustomerAndItsReceivedEventCarriesNone() throws Exception {
        String customerId = "c-contact-" + UUID.randomUUID();
        String id = IngestApi.submitWeb("""
                {"customer":{"id":"%s","email":"olga@example.com","phone":"+79161112233","name":"Ольга Ким",
                             "segment":"enterprise","locale":"ru"},
                 "channel":"web","npsScore":4}""".formatted(customerId));
        // the same customer again: its contact is keyed alike, so it lands after the first one's on the
        // same partition, and once it is seen, every contact record the first feedback made has been seen
        String marker = IngestApi.submitWeb(submission(customerId, "9", "null"));
        topics.await(CONTACT, r -> r.value().contains(marker), 1, Duration.ofSeconds(20));

        List<ConsumerRecord<String, String>> contacts = topics.records(CONTACT).stream()
                .filter(r -> r.value().contains(id)).toList();
        assertEquals(1, contacts.size(), "one contact record for the feedback");
        ConsumerRecord<String, String> record = contacts.get(0);
        assertEquals(customerId, record.key(), "keyed by the customer id");
        assertEquals("1.0", TopicProbe.header(record, "ce_specversion"));
        assertEquals("feedbackloop.customer.contact.v1", TopicProbe.header(record, "ce_type"));
        assertEquals("/feedback-ingest", TopicProbe.header(record, "ce_source"));
        assertEquals(customerId, TopicProbe.header(record, "ce_subject"));
        assertTrue(TopicProbe.header(record, "ce_id").length() > 0);
        JsonNode contact = JSON.readTree(record.value());
        assertEquals(customerId, contact.get("customerId").asText());
        assertEquals(id, contact.get("feedbackId").asText());
        assertEquals("olga@example.com", contact.get("email").asText());
        assertEquals("+79161112233", contact.get("phone").asText());
        assertEquals("Ольга Ким", contact.get("name").asText());
        assertEquals("ru", contact.get("locale").asText());
        assertTrue(contact.has("timeZone") && contact.get("timeZone").isNull(), "this service knows no time zone");

        ConsumerRecord<String, String> received = topics.await(RECEIVED, r -> id.equals(r.key()), 1,
                Duration.ofSeconds(20)).get(0);
        JsonNode customer = JSON.readTree(received.value()).get("customer");
        assertEquals(customerId, customer.get("id").asText());
        assertEquals("enterprise", customer.get("segment").asText());
        assertEquals("ru", customer.get("locale").asText());
        for (String field : List.of("email", "phone", "name")) {
            assertFalse(customer.has(field), "feedback.received.v1 carries no customer." + field);
        }
        for (String personal : List.of("olga@example.com", "+79161112233", "Ольга")) {
            assertFalse(received.value().contains(personal), "no contact anywhere in feedback.received.v1");
        }
        assertEquals(contact.get("observedAt").asText(), JSON.readTree(received.value()).get("receivedAt").asText(),
                "the contact was observed when the feedback was received");
    }

    @Test
    void contactNotGivenWithTheFeedbackIsPublishedAsNull() throws Exception {
        String customerId = "c-phone-only-" + UUID.randomUUID();
        String id = IngestApi.submitWeb("""
                {"customer":{"id":"%s","phone":"+79164445566"},"channel":"web","npsScore":7}""".formatted(customerId));
        ConsumerRecord<String, String> record = topics.await(CONTACT, r -> r.value().contains(id), 1,
                Duration.ofSeconds(20)).get(0);
        assertEquals(customerId, record.key());
        JsonNode contact = JSON.readTree(record.value());
        assertEquals("+79164445566", contact.get("phone").asText());
        for (String field : List.of("email", "name", "locale", "timeZone")) {
            assertTrue(contact.has(field) && contact.get(field).isNull(),
                    field + " is null: none was given with this feedback, not left out");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "score above 10       | {'customer':{'id':'c-bad','email':'a@example.com'},'channel':'web','npsScore':11}            | npsScore        | Max",
            "score below 0        | {'customer':{'id':'c-bad','email':'a@example.com'},'channel':'web','npsScore':-1}            | npsScore        | Min",
            "score not a number   | {'customer':{'id':'c-bad','email':'a@example.com'},'channel':'web','npsScore':'ten'}         | npsScore        | type",
            "malformed email      | {'customer':{'id':'c-bad','email':'not-an-email'},'channel':'web','npsScore':5}              | customer.email  | Email",
            "no email nor phone   | {'customer':{'id':'c-bad'},'channel':'web','npsScore':5}                                     | customer.emailOrPhone | AssertTrue",
            "malformed phone      | {'customer':{'id':'c-bad','phone':'8-916-123'},'channel':'web','npsScore':5}                 | customer.phone  | Pattern",
            "missing customer id  | {'customer':{'email':'a@example.com'},'channel':'web','npsScore':5}                          | customer.id     | NotBlank",
            "csat off its scale   | {'customer':{'id':'c-bad','email':'a@example.com'},'channel':'web','scores':[{'metric':'csat','value':6}]} | scores[0].value | ScoreOnScale",
            "ces on a wrong scale | {'customer':{'id':'c-bad','email':'a@example.com'},'channel':'web','scores':[{'metric':'ces','value':4,'scale':'1-5'}]} | scores[0].scale | ScoreOnScale",
            "unknown metric       | {'customer':{'id':'c-bad','email':'a@example.com'},'channel':'web','scores':[{'metric':'wow','value':4}]} | scores[0].metric | enum",
            "two NPS answers      | {'customer':{'id':'c-bad','email':'a@example.com'},'channel':'web','npsScore':5,'scores':[{'metric':'nps','value':4}]} | oneScorePerMetric | AssertTrue",
            "bad touchpoint       | {'customer':{'id':'c-bad','email':'a@example.com'},'channel':'web','npsScore':5,'touchpoint':'Check Out!'} | touchpoint | Pattern",
            "unknown journey stage | {'customer':{'id':'c-bad','email':'a@example.com'},'channel':'web','npsScore':5,'journeyStage':'teleport'} | journeyStage | enum",
            "answer in the future | {'customer':{'id':'c-bad','email':'a@example.com'},'channel':'web','npsScore':5,'respondedAt':'2999-01-01T00:00:00Z'} | respondedAt | PastOrPresent",
            "bad language         | {'customer':{'id':'c-bad','email':'a@example.com'},'channel':'web','npsScore':5,'language':'russian'} | language | Pattern",
            "missing customer     | {'channel':'web','npsScore':5}                                                               | customer        | NotNull",
            "unknown channel      | {'customer':{'id':'c-bad','email':'a@example.com'},'channel':'pigeon','npsScore':5}          | channel         | enum",
            "missing channel      | {'customer':{'id':'c-bad','email':'a@example.com'},'npsScore':5}                             | channel         | NotNull",
            "neither score nor text | {'customer':{'id':'c-bad','email':'a@example.com'},'channel':'web','text':'  '}            | scoreOrText     | AssertTrue",
            "bad locale           | {'customer':{'id':'c-bad','email':'a@example.com','locale':'Russian'},'channel':'web','npsScore':5} | customer.locale | Pattern",
            "unknown field        | {'customer':{'id':'c-bad','email':'a@example.com'},'channel':'web','npsScor':5}              | npsScor         | known-field",
            "not JSON             | {'customer':                                                                                 | body            | json",
    })
    void invalidFeedbackIsRefusedWithAProblemNamingFieldAndRule(String why, String body, String field, String rule) {
        IngestApi.as("web").contentType(ContentType.JSON).body(body.replace('\'', '"'))
                .when().post("/api/v1/feedback")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field))
                .body("violations.rule", hasItem(rule))
                .body(not(containsString("Exception")))
                .body(not(containsString("at io.")));
    }

    @Test
    void anAnswerMustNameAnInvitationThatWasSent() {
        IngestApi.as("web").contentType(ContentType.JSON).body("""
                {"customer":{"id":"c-inv","email":"a@example.com"},"channel":"web","npsScore":9,
                 "invitationId":"%s"}""".formatted(UUID.randomUUID()))
                .when().post("/api/v1/feedback")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("invitationId")).body("violations[0].rule", equalTo("exists"));
    }

    @Test
    void textTooLongIsRefused() {
        IngestApi.as("web").contentType(ContentType.JSON).body(submission("c-bad", "5", "\"" + "x".repeat(5001) + "\""))
                .when().post("/api/v1/feedback")
                .then().statusCode(400)
                .body("violations.field", hasItem("text"))
                .body("violations.rule", hasItem("Size"));
    }

    @Test
    void refusedFeedbackIsNeitherStoredNorPublished() {
        String refusedCustomer = "c-refused-" + UUID.randomUUID();
        IngestApi.as("web").contentType(ContentType.JSON).body(submission(refusedCustomer, "42", "\"too high\""))
                .when().post("/api/v1/feedback").then().statusCode(400);
        // the relay sends in commit order: once a later valid feedback is on the topic,
        // anything stored before it would be there too
        String marker = IngestApi.as("web").contentType(ContentType.JSON).body(submission("c-marker", "9", "null"))
                .when().post("/api/v1/feedback").then().statusCode(201).extract().path("id");
        topics.await(RECEIVED, r -> marker.equals(r.key()), 1, Duration.ofSeconds(20));
        topics.await(CONTACT, r -> r.value().contains(marker), 1, Duration.ofSeconds(20));
        assertEquals(List.of(), topics.settle(RECEIVED, r -> r.value().contains(refusedCustomer), Duration.ofSeconds(1)));
        assertEquals(List.of(), topics.records(CONTACT).stream().filter(r -> refusedCustomer.equals(r.key())).toList());
    }

    @Test
    void unknownAndMalformedIdsAreProblems() {
        IngestApi.as("web").when().get("/api/v1/feedback/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        IngestApi.as("web").when().get("/api/v1/feedback/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("id")).body("violations[0].rule", equalTo("uuid"));
    }
}
