package io.feedbackloop.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
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
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Asking: surveys, invitations under the contact-frequency rules (from REST and from business
 * events), reminders, and response rates. The database is shared by every test class, so each
 * test uses customers and surveys of its own.
 */
@QuarkusTest
class SurveyInvitationTest {

    private static final String INVITED = "survey.invited.v1";
    private static final String TOUCHPOINT_COMPLETED = "touchpoint.completed.v1";
    private static final String TOUCHPOINT_DLQ = "touchpoint.completed.v1.dlq";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TopicProbe topics;

    @BeforeAll
    static void watchTopics() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), INVITED, TOUCHPOINT_DLQ);
    }

    @AfterAll
    static void stopWatching() {
        topics.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Defines a survey and returns its id. */
    private static String survey(String prefix, String channel, String touchpoints, Integer contactFrequencyDays) {
        String id = unique(prefix);
        IngestApi.admin().contentType(ContentType.JSON).body("""
                        {"id":"%s","name":"Survey %s","metric":"nps","channel":"%s","touchpoints":%s,
                         "contactFrequencyDays":%s}""".formatted(id, id, channel, touchpoints, contactFrequencyDays))
                .when().post("/api/v1/surveys").then().statusCode(201);
        return id;
    }

    private static String survey(String prefix) {
        return survey(prefix, "email", "[]", null);
    }

    private static String customer(String customerId) {
        return """
                {"id":"%s","email":"anna@example.com","name":"Anna","segment":"consumer","locale":"en"}"""
                .formatted(customerId);
    }

    private static ValidatableResponse invite(String body) {
        return IngestApi.as("web").contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/invitations").then();
    }

    private static ValidatableResponse invite(String surveyId, String customerId) {
        return invite("""
                {"surveyId":"%s","customer":%s}""".formatted(surveyId, customer(customerId)));
    }

    /** Invites and expects the customer to be invited; returns the invitation id. */
    private static String invited(String surveyId, String customerId) {
        return invite(surveyId, customerId).statusCode(201).body("status", equalTo("invited")).extract().path("id");
    }

    private static List<ConsumerRecord<String, String>> awaitInvited(String invitationId) {
        return topics.await(INVITED, r -> invitationId.equals(r.key()), 1, Duration.ofSeconds(20));
    }

    /** Nothing went out for this invitation; a marker invitation sent after it is on the topic first. */
    private static void assertNotPublished(String invitationId) {
        String marker = invited(survey("marker", "email", "[]", 0), "c-marker-" + UUID.randomUUID());
        // the relay sends in commit order: once the later marker is on the topic, anything
        // published for the invitation before it would be there too
        assertEquals(1, awaitInvited(marker).size());
        assertEquals(List.of(), topics.settle(INVITED, r -> invitationId.equals(r.key()), Duration.ofMillis(500)));
    }

    // ---------------------------------------------------------------------------------------
    // survey definitions
    // ---------------------------------------------------------------------------------------

    @Test
    void surveyIsCreatedShownAndListedAndItsIdIsNeverReused() {
        String id = unique("post-purchase-nps");
        String body = """
                {"id":"%s","name":"NPS after a purchase","metric":"nps","channel":"email",
                 "touchpoints":["checkout","checkout","delivery"],"contactFrequencyDays":60}""".formatted(id);
        IngestApi.admin().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/surveys")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/surveys/" + id))
                .body("id", equalTo(id))
                .body("metric", equalTo("nps"))
                .body("channel", equalTo("email"))
                .body("touchpoints", equalTo(List.of("checkout", "delivery")))
                .body("contactFrequencyDays", equalTo(60))
                .body("createdAt", notNullValue());

        IngestApi.admin().when().get("/api/v1/surveys/" + id)
                .then().statusCode(200)
                .body("name", equalTo("NPS after a purchase"))
                .body("touchpoints", equalTo(List.of("checkout", "delivery")));
        IngestApi.admin().when().get("/api/v1/surveys")
                .then().statusCode(200).body("id", hasItem(id));

        IngestApi.admin().contentType(ContentType.JSON).body(body.replace("NPS after a purchase", "Another"))
                .when().post("/api/v1/surveys")
                .then().statusCode(409).contentType("application/problem+json").body("status", equalTo(409));
        IngestApi.admin().when().get("/api/v1/surveys/" + id).then().body("name", equalTo("NPS after a purchase"));
    }

    @Test
    void unknownSurveyIsA404AndStatsOfAnUnaskedSurveyHaveNoRate() {
        IngestApi.admin().when().get("/api/v1/surveys/no-such-survey")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        IngestApi.admin().when().get("/api/v1/surveys/no-such-survey/stats").then().statusCode(404);
        String id = survey("unasked");
        IngestApi.admin().when().get("/api/v1/surveys/" + id + "/stats")
                .then().statusCode(200)
                .body("surveyId", equalTo(id))
                .body("invited", equalTo(0))
                .body("answered", equalTo(0))
                .body("responseRate", nullValue());
    }

    @Test
    void surveysAreForAdminsOnly() {
        IngestApi.as("web").contentType(ContentType.JSON)
                .body("{\"id\":\"by-a-channel\",\"name\":\"x\",\"metric\":\"nps\",\"channel\":\"web\"}")
                .when().post("/api/v1/surveys")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/surveys").then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "id not a slug        | {'id':'Post Purchase','name':'n','metric':'nps','channel':'email'}              | id                   | Pattern",
            "id too short         | {'id':'p','name':'n','metric':'nps','channel':'email'}                          | id                   | Pattern",
            "id starts with dash  | {'id':'-nps','name':'n','metric':'nps','channel':'email'}                       | id                   | Pattern",
            "missing id           | {'name':'n','metric':'nps','channel':'email'}                                   | id                   | NotNull",
            "blank name           | {'id':'s-blank','name':' ','metric':'nps','channel':'email'}                    | name                 | NotBlank",
            "unknown metric       | {'id':'s-metric','name':'n','metric':'wow','channel':'email'}                   | metric               | enum",
            "missing metric       | {'id':'s-metric','name':'n','channel':'email'}                                  | metric               | NotNull",
            "unknown channel      | {'id':'s-channel','name':'n','metric':'nps','channel':'pigeon'}                 | channel              | enum",
            "frequency above 365  | {'id':'s-freq','name':'n','metric':'nps','channel':'email','contactFrequencyDays':366} | contactFrequencyDays | Max",
            "negative frequency   | {'id':'s-freq','name':'n','metric':'nps','channel':'email','contactFrequencyDays':-1}  | contactFrequencyDays | Min",
            "frequency not a number | {'id':'s-freq','name':'n','metric':'nps','channel':'email','contactFrequencyDays':'often'} | contactFrequencyDays | type",
            "bad touchpoint       | {'id':'s-tp','name':'n','metric':'nps','channel':'email','touchpoints':['Check Out']} | touchpoints[0]  | Pattern",
            "unknown field        | {'id':'s-field','name':'n','metric':'nps','channel':'email','frequency':3}      | frequency            | known-field",
    })
    void invalidSurveyIsRefusedWithAProblemNamingFieldAndRule(String why, String body, String field, String rule) {
        IngestApi.admin().contentType(ContentType.JSON).body(body.replace('\'', '"'))
                .when().post("/api/v1/surveys")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(startsWith(field)))
                .body("violations.rule", hasItem(rule))
                .body(not(containsString("Exception")));
    }

    // ---------------------------------------------------------------------------------------
    // invitations
    // ---------------------------------------------------------------------------------------

    @Test
    void invitedCustomerGetsASurveyInvitedEventKeyedByTheInvitationId() throws Exception {
        String surveyId = survey("invite");
        String customerId = "c-" + UUID.randomUUID();
        ExtractableResponse<Response> created = invite("""
                {"surveyId":"%s","customer":%s,"touchpoint":"checkout","eventId":"%s"}"""
                .formatted(surveyId, customer(customerId), "order-" + UUID.randomUUID()))
                .statusCode(201)
                .body("status", equalTo("invited"))
                .body("reminder", equalTo(false))
                .body("surveyId", equalTo(surveyId))
                .body("customer.id", equalTo(customerId))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/invitations/" + id));

        List<ConsumerRecord<String, String>> records = awaitInvited(id);
        assertEquals(1, records.size(), "one record keyed by the invitation id");
        ConsumerRecord<String, String> record = records.get(0);
        assertEquals("1.0", TopicProbe.header(record, "ce_specversion"));
        assertEquals("feedbackloop.survey.invited.v1", TopicProbe.header(record, "ce_type"));
        assertEquals("/feedback-ingest", TopicProbe.header(record, "ce_source"));
        assertEquals(id, TopicProbe.header(record, "ce_subject"));
        assertFalse(TopicProbe.header(record, "ce_id").isBlank());
        assertTrue(TopicProbe.header(record, "ce_time").endsWith("Z"));
        JsonNode event = JSON.readTree(record.value());
        assertEquals(id, event.get("invitationId").asText());
        assertEquals(surveyId, event.get("surveyId").asText());
        assertEquals("Survey " + surveyId, event.get("surveyName").asText());
        assertEquals("nps", event.get("metric").asText());
        assertEquals("email", event.get("channel").asText());
        assertEquals(customerId, event.at("/customer/id").asText());
        assertEquals("anna@example.com", event.at("/customer/email").asText());
        assertEquals("Anna", event.at("/customer/name").asText());
        assertEquals("consumer", event.at("/customer/segment").asText());
        assertEquals("en", event.at("/customer/locale").asText());
        assertEquals("checkout", event.get("touchpoint").asText());
        assertFalse(event.get("reminder").asBoolean());
        assertTrue(event.get("reminderOf").isNull());
        assertTrue(event.get("invitedAt").asText().endsWith("Z"));

        IngestApi.as("web").when().get("/api/v1/invitations/" + id)
                .then().statusCode(200)
                .body("status", equalTo("invited"))
                .body("touchpoint", equalTo("checkout"))
                .body("feedbackId", nullValue());
    }

    @Test
    void customerAskedWithinTheWindowIsSkippedForAnySurveyAndNothingIsPublished() {
        String customerId = "c-" + UUID.randomUUID();
        String first = invited(survey("first"), customerId);
        String firstAt = IngestApi.admin().when().get("/api/v1/invitations/" + first).then().extract().path("createdAt");

        String other = survey("other");
        String skipped = invite(other, customerId)
                .statusCode(200)
                .body("status", equalTo("skipped"))
                .body("reason", equalTo("contact-frequency"))
                .body("lastInvitedAt", equalTo(firstAt))
                .extract().path("id");
        IngestApi.admin().when().get("/api/v1/invitations/" + skipped)
                .then().statusCode(200).body("status", equalTo("skipped")).body("reason", equalTo("contact-frequency"));
        assertNotPublished(skipped);

        // a skipped invitation is not an ask: the next decision still looks at the first one
        invite(other, customerId).statusCode(200).body("status", equalTo("skipped"))
                .body("lastInvitedAt", equalTo(firstAt));
        // another customer is not affected
        invited(other, "c-" + UUID.randomUUID());
    }

    @Test
    void aSurveysOwnContactFrequencyOverridesTheGlobalRule() {
        String customerId = "c-" + UUID.randomUUID();
        invited(survey("global"), customerId);
        String unlimited = survey("unlimited", "email", "[]", 0);
        invited(unlimited, customerId);
        invited(unlimited, customerId);
        invite(survey("strict", "sms", "[]", 365), customerId).statusCode(200).body("status", equalTo("skipped"));
    }

    @Test
    void reminderIsExemptFromTheRuleAndPublishedAsAReminder() throws Exception {
        String surveyId = survey("remind");
        String customerId = "c-" + UUID.randomUUID();
        String original = invited(surveyId, customerId);
        String reminder = invite("""
                {"surveyId":"%s","customer":%s,"reminderOf":"%s"}""".formatted(surveyId, customer(customerId), original))
                .statusCode(201)
                .body("status", equalTo("invited"))
                .body("reminder", equalTo(true))
                .body("reminderOf", equalTo(original))
                .extract().path("id");

        List<ConsumerRecord<String, String>> records = awaitInvited(reminder);
        assertEquals(1, records.size());
        JsonNode event = JSON.readTree(records.get(0).value());
        assertTrue(event.get("reminder").asBoolean());
        assertEquals(original, event.get("reminderOf").asText());

        // a reminder of the reminder reminds of the same original
        invite("""
                {"surveyId":"%s","customer":%s,"reminderOf":"%s"}""".formatted(surveyId, customer(customerId), reminder))
                .statusCode(201).body("reminderOf", equalTo(original));
        // reminders are no new ask: the customer is still blocked by the original alone
        invite(survey("after-reminders"), customerId).statusCode(200)
                .body("status", equalTo("skipped"))
                .body("lastInvitedAt", equalTo(IngestApi.admin().when().get("/api/v1/invitations/" + original)
                        .then().extract().path("createdAt")));
    }

    @Test
    void reminderOfAnUnknownForeignOrSkippedInvitationIsRefused() {
        String surveyId = survey("bad-remind");
        String customerId = "c-" + UUID.randomUUID();
        String original = invited(surveyId, customerId);
        String template = """
                {"surveyId":"%s","customer":%s,"reminderOf":"%s"}""";

        invite(template.formatted(surveyId, customer(customerId), UUID.randomUUID()))
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("reminderOf")).body("violations[0].rule", equalTo("exists"));
        invite(template.formatted(surveyId, customer("c-" + UUID.randomUUID()), original))
                .statusCode(400).body("violations[0].field", equalTo("reminderOf"))
                .body("violations[0].rule", equalTo("reminder"));
        invite(template.formatted(survey("bad-remind-other"), customer(customerId), original))
                .statusCode(400).body("violations[0].field", equalTo("reminderOf"));
        String skipped = invite(survey("bad-remind-skipped"), customerId).statusCode(200).extract().path("id");
        invite(template.formatted(surveyId, customer(customerId), skipped))
                .statusCode(400).body("violations[0].field", equalTo("reminderOf"));
        invite(template.formatted(surveyId, customer(customerId), "not-a-uuid"))
                .statusCode(400).body("violations[0].field", equalTo("reminderOf"))
                .body("violations[0].rule", equalTo("type"));
    }

    @Test
    void theSameBusinessEventTwiceIsOneInvitation() {
        String surveyId = survey("once");
        String customerId = "c-" + UUID.randomUUID();
        String body = """
                {"surveyId":"%s","customer":%s,"eventId":"%s"}"""
                .formatted(surveyId, customer(customerId), "order-" + UUID.randomUUID());
        String first = invite(body).statusCode(201).extract().path("id");
        invite(body).statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first))
                .body("status", equalTo("invited"));
        assertEquals(1, awaitInvited(first).size());
        assertEquals(1, topics.settle(INVITED, r -> r.value().contains(customerId), Duration.ofMillis(500)).size(),
                "one invitation event for the customer");
        // the second call was not a second ask either
        invited(survey("once-more", "email", "[]", 0), customerId);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown survey       | {'surveyId':'no-such-survey','customer':{'id':'c-x','email':'a@example.com'}}   | surveyId        | exists",
            "survey id not a slug | {'surveyId':'No Such','customer':{'id':'c-x','email':'a@example.com'}}          | surveyId        | Pattern",
            "missing survey       | {'customer':{'id':'c-x','email':'a@example.com'}}                                | surveyId        | NotNull",
            "missing customer     | {'surveyId':'no-such-survey'}                                                    | customer        | NotNull",
            "no email nor phone   | {'surveyId':'no-such-survey','customer':{'id':'c-x'}}                            | customer.emailOrPhone | AssertTrue",
            "malformed email      | {'surveyId':'no-such-survey','customer':{'id':'c-x','email':'nope'}}             | customer.email  | Email",
            "bad touchpoint       | {'surveyId':'no-such-survey','customer':{'id':'c-x','email':'a@example.com'},'touchpoint':'Check Out'} | touchpoint | Pattern",
            "blank event id       | {'surveyId':'no-such-survey','customer':{'id':'c-x','email':'a@example.com'},'eventId':''} | eventId | Size",
            "unknown field        | {'surveyId':'no-such-survey','customer':{'id':'c-x','email':'a@example.com'},'survey':'x'} | survey | known-field",
    })
    void invalidInvitationIsRefusedWithAProblemNamingFieldAndRule(String why, String body, String field, String rule) {
        invite(body.replace('\'', '"'))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field))
                .body("violations.rule", hasItem(rule))
                .body(not(containsString("Exception")));
    }

    @Test
    void eventIdTooLongIsRefusedAndInvitationsNeedAKey() {
        String surveyId = survey("needs-key");
        invite("""
                {"surveyId":"%s","customer":%s,"eventId":"%s"}""".formatted(surveyId, customer("c-x"), "e".repeat(201)))
                .statusCode(400).body("violations.field", hasItem("eventId")).body("violations.rule", hasItem("Size"));
        given().contentType(ContentType.JSON).body("""
                        {"surveyId":"%s","customer":%s}""".formatted(surveyId, customer("c-x")))
                .when().post("/api/v1/invitations").then().statusCode(401).contentType("application/problem+json");
        IngestApi.as("web").when().get("/api/v1/invitations/" + UUID.randomUUID()).then().statusCode(404);
        IngestApi.as("web").when().get("/api/v1/invitations/nope").then().statusCode(400)
                .body("violations[0].field", equalTo("id"));
    }

    // ---------------------------------------------------------------------------------------
    // business events
    // ---------------------------------------------------------------------------------------

    @Test
    void touchpointEventInvitesOnceHoweverOftenItArrives() throws Exception {
        String touchpoint = unique("checkout");
        String surveyId = survey("by-touchpoint", "email", "[\"" + touchpoint + "\"]", null);
        String customerId = "c-" + UUID.randomUUID();
        // every event below has the same record key: one partition, consumed in the order published
        String key = customerId;
        String eventId = UUID.randomUUID().toString();
        String event = touchpointEvent(customerId, touchpoint);
        topics.publishEvent(TOUCHPOINT_COMPLETED, key, eventId, event);

        List<ConsumerRecord<String, String>> records = topics.await(INVITED, r -> r.value().contains(customerId), 1,
                Duration.ofSeconds(20));
        assertEquals(1, records.size(), "the business event invited the customer");
        JsonNode invited = JSON.readTree(records.get(0).value());
        String invitationId = invited.get("invitationId").asText();
        assertEquals(invitationId, records.get(0).key());
        assertEquals(surveyId, invited.get("surveyId").asText());
        assertEquals(touchpoint, invited.get("touchpoint").asText());
        assertFalse(invited.get("reminder").asBoolean());

        // redelivered, then a sentinel event of another customer behind it on the same partition
        topics.publishEvent(TOUCHPOINT_COMPLETED, key, eventId, event);
        awaitInvitedByEvent(key, touchpoint);
        assertEquals(1, topics.records(INVITED).stream().filter(r -> r.value().contains(customerId)).count(),
                "a redelivered event invites nobody twice");
        // the event id is the business key: an administrator's REST call with it finds the same
        // invitation; a channel's event ids are its own, so its call is a decision of its own
        String withEventId = """
                {"surveyId":"%s","customer":%s,"eventId":"%s"}""".formatted(surveyId, customer(customerId), eventId);
        IngestApi.admin().contentType(ContentType.JSON).body(withEventId).when().post("/api/v1/invitations")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(invitationId));
        invite(withEventId).statusCode(200).header("Idempotent-Replayed", nullValue())
                .body("id", not(equalTo(invitationId))).body("reason", equalTo("contact-frequency"));

        // a later, different event of the same customer is decided under the rule: skipped
        String later = UUID.randomUUID().toString();
        topics.publishEvent(TOUCHPOINT_COMPLETED, key, later, event);
        awaitInvitedByEvent(key, touchpoint);
        IngestApi.admin().contentType(ContentType.JSON).body("""
                        {"surveyId":"%s","customer":%s,"eventId":"%s"}""".formatted(surveyId, customer(customerId), later))
                .when().post("/api/v1/invitations").then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("status", equalTo("skipped"))
                .body("reason", equalTo("contact-frequency"));
        assertEquals(1, topics.records(INVITED).stream().filter(r -> r.value().contains(customerId)).count());
    }

    private static String touchpointEvent(String customerId, String touchpoint) {
        return """
                {"customer":%s,"touchpoint":"%s","occurredAt":"2026-11-23T09:00:00Z","orderId":"o-1"}"""
                .formatted(customer(customerId), touchpoint);
    }

    /**
     * Publishes an event of a new customer under {@code key} and waits for its invitation: every
     * event published before it under the same key has been consumed by then.
     */
    private static void awaitInvitedByEvent(String key, String touchpoint) {
        String sentinel = "c-sentinel-" + UUID.randomUUID();
        topics.publishEvent(TOUCHPOINT_COMPLETED, key, UUID.randomUUID().toString(), touchpointEvent(sentinel, touchpoint));
        assertEquals(1, topics.await(INVITED, r -> r.value().contains(sentinel), 1, Duration.ofSeconds(20)).size());
    }

    @Test
    void eventsWithoutASurveyAreIgnoredAndEventsNamingAnUnknownSurveyAreDeadLettered() {
        String customerId = "c-" + UUID.randomUUID();
        String unsurveyed = UUID.randomUUID().toString();
        topics.publishEvent(TOUCHPOINT_COMPLETED, customerId, unsurveyed, """
                {"customer":%s,"touchpoint":"%s"}""".formatted(customer(customerId), unique("nobody-asks")));
        String unknown = UUID.randomUUID().toString();
        topics.publishEvent(TOUCHPOINT_COMPLETED, customerId, unknown, """
                {"customer":%s,"touchpoint":"checkout","surveyId":"no-such-survey"}""".formatted(customer(customerId)));
        String poison = UUID.randomUUID().toString();
        topics.publishEvent(TOUCHPOINT_COMPLETED, customerId, poison, "{\"touchpoint\":\"checkout\"}");

        assertEquals(1, topics.await(TOUCHPOINT_DLQ, r -> unknown.equals(TopicProbe.header(r, "ce_id")), 1,
                Duration.ofSeconds(30)).size());
        assertEquals(1, topics.await(TOUCHPOINT_DLQ, r -> poison.equals(TopicProbe.header(r, "ce_id")), 1,
                Duration.ofSeconds(30)).size());
        assertEquals(List.of(), topics.records(TOUCHPOINT_DLQ).stream()
                .filter(r -> unsurveyed.equals(TopicProbe.header(r, "ce_id"))).toList());
        // the customer was never asked, so a survey may still ask them
        invited(survey("still-free"), customerId);
    }

    // ---------------------------------------------------------------------------------------
    // answers and response rate
    // ---------------------------------------------------------------------------------------

    @Test
    void responseRateCountsAnsweredInvitationsOnceWithRemindersAnswersTowardTheirOriginal() {
        String surveyId = survey("rate");
        String anna = "c-" + UUID.randomUUID();
        String boris = "c-" + UUID.randomUUID();
        String annaInvitation = invited(surveyId, anna);
        invited(surveyId, boris);
        String annaReminder = invite("""
                {"surveyId":"%s","customer":%s,"reminderOf":"%s"}""".formatted(surveyId, customer(anna), annaInvitation))
                .statusCode(201).extract().path("id");
        invite(surveyId, boris).statusCode(200).body("status", equalTo("skipped"));

        // Anna answers the reminder, then (by mistake) the original too: one answered invitation
        String answer = answer(anna, annaReminder);
        answer(anna, annaInvitation);

        IngestApi.admin().when().get("/api/v1/surveys/" + surveyId + "/stats")
                .then().statusCode(200)
                .body("surveyId", equalTo(surveyId))
                .body("invited", equalTo(2))
                .body("reminders", equalTo(1))
                .body("skipped", equalTo(1))
                .body("answered", equalTo(1))
                .body("responseRate", equalTo(0.5f));
        IngestApi.admin().when().get("/api/v1/invitations/" + annaInvitation)
                .then().statusCode(200)
                .body("feedbackId", equalTo(answer))
                .body("answeredAt", notNullValue());
    }

    /** Posts the customer's answer through the survey's channel (email) and returns the feedback id. */
    private static String answer(String customerId, String invitationId) {
        return IngestApi.as("email").contentType(ContentType.JSON).body("""
                        {"customer":%s,"channel":"email","npsScore":9,"invitationId":"%s"}"""
                        .formatted(customer(customerId), invitationId))
                .when().post("/api/v1/feedback").then().statusCode(201).extract().path("id");
    }

    @Test
    void theEventSchemaIsPublishedWithAnExample() {
        given().when().get("/schemas/survey.invited.v1.json")
                .then().statusCode(200)
                .body("title", equalTo("survey.invited.v1"))
                .body("examples[0].invitationId", notNullValue());
    }
}
