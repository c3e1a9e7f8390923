package io.feedbackloop.action;

import static io.feedbackloop.action.CaseFixtures.OPENED;
import static io.feedbackloop.action.CaseFixtures.RESOLVED;
import static io.feedbackloop.action.CaseFixtures.UPDATED;
import static io.feedbackloop.action.CaseFixtures.asAdmin;
import static io.feedbackloop.action.CaseFixtures.member;
import static io.feedbackloop.action.CaseFixtures.read;
import static io.feedbackloop.action.UniqueWords.capitalized;
import static io.feedbackloop.action.UniqueWords.letters;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedbackloop.action.CaseFixtures.Member;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.ProducerExamples;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer who asked to be forgotten is forgotten here: in every table (cases, feedback copies,
 * comments, the audit trail, the outbox), in what the service publishes afterwards, and for events
 * about them that arrive after their {@code customer.erased.v1} (topics are not ordered with each other).
 * The categorized events here still carry the customer's contact data (an older producer): it is
 * never stored, so an erasure finds contact data only where people wrote it into kept text.
 */
@QuarkusTest
@QuarkusTestResource(value = LoopTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "action"))
class CustomerErasureTest {

    private static final String ERASED = "customer.erased.v1";
    private static final String CONFIRMED = "customer.erasure.confirmed.v1";
    private static final String ANNOUNCED = "improvement.announced.v1";
    private static final String CATEGORIZED_DLQ = "feedback.categorized.v1.dlq";
    private static final String RECATEGORIZED_DLQ = "feedback.recategorized.v1.dlq";
    private static final String ERASED_TEXT = "[erased]";

    private static TopicProbe topics;

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void watch() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), OPENED, UPDATED, RESOLVED, ANNOUNCED,
                CONFIRMED, CATEGORIZED_DLQ, RECATEGORIZED_DLQ);
    }

    @AfterAll
    static void close() {
        topics.close();
    }

    /** A customer of this test alone: every value is unique, so a hit anywhere in the database is theirs. */
    record Customer(String id, String email, String phone, String firstName, String lastName) {

        static Customer unique() {
            String first = capitalized(letters(7));
            return new Customer("c-" + UUID.randomUUID(), letters(10) + "@example.com",
                    "+7916" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000), first,
                    capitalized(letters(9)));
        }

        String name() {
            return firstName + " " + lastName;
        }

        /** The phone as a person types it into a note: +7 (916) 123-45-67. */
        String phoneAsWritten() {
            return "+7 (916) " + phone.substring(5, 8) + "-" + phone.substring(8, 10) + "-" + phone.substring(10);
        }

        CategorizedEvents wrote(String text) {
            return CategorizedEvents.feedback().customer(id, email, phone, name()).text(text);
        }

        /** Every way this customer can be found but their name: id, address, phone (as stored, as typed, its digits). */
        List<String> contactButName() {
            return List.of(id, email, phone, phoneAsWritten(), phone.substring(1));
        }

        /** Every way this customer can be found: id, address, phone (as stored, as typed, its digits), name and its parts. */
        List<String> traces() {
            return List.of(id, email, phone, phoneAsWritten(), phone.substring(1), name(), firstName, lastName);
        }
    }

    @Test
    void eventsAboutACustomerThatArriveAfterTheirErasureStoreNothingAndPublishNothing() {
        Customer anna = Customer.unique();
        String words = "The kettle leaks all over the " + letters(8);
        erase(anna, true);

        // a detractor and a legal threat: each would open a case, were the customer not erased
        CategorizedEvents late = anna.wrote(words).nps(1);
        String lateEvent = late.publish(topics);
        CategorizedEvents lateCorrection = anna.wrote(words).urgency("legal");
        String lateCorrectionEvent = lateCorrection.publishCorrection(topics, "olga@ops.example",
                UUID.randomUUID().toString(), "urgency");
        // another customer's feedback on the same partitions: read after the late events, so once its
        // case is open, the late events were handled
        CategorizedEvents next = CategorizedEvents.feedback().nps(1);
        next.publishKeyedAs(topics, late.id());
        CategorizedEvents nextCorrection = CategorizedEvents.feedback().urgency("legal");
        nextCorrection.publishCorrectionKeyedAs(topics, lateCorrection.id(), "olga@ops.example",
                UUID.randomUUID().toString(), "urgency");
        awaitOpened(next.id());
        awaitOpened(nextCorrection.id());

        Set<String> lateFeedback = Set.of(late.id(), lateCorrection.id());
        for (String topic : List.of(OPENED, UPDATED, RESOLVED)) {
            assertTrue(topics.records(topic).stream().noneMatch(r -> lateFeedback.contains(r.key())),
                    "nothing published on " + topic + " about the erased customer's feedback");
        }
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE record_key IN (?1, ?2)", late.id(),
                lateCorrection.id()), "nothing waits in the outbox either");
        assertEquals(0, count("SELECT count(*) FROM feedback_copy WHERE CAST(feedback_id AS text) IN (?1, ?2)",
                late.id(), lateCorrection.id()), "no copy");
        assertEquals(0, count("SELECT count(*) FROM support_case WHERE CAST(feedback_id AS text) IN (?1, ?2)",
                late.id(), lateCorrection.id()), "no case");
        Set<String> lateEvents = Set.of(lateEvent, lateCorrectionEvent);
        for (String dlq : List.of(CATEGORIZED_DLQ, RECATEGORIZED_DLQ)) {
            assertTrue(topics.records(dlq).stream().noneMatch(r -> lateEvents.contains(TopicProbe.header(r, "ce_id"))),
                    "a late event is handled (by changing nothing), not dead-lettered: " + dlq);
        }
        assertNowhere(anna.traces(), List.of(words));
    }

    @Test
    void theAuditTrailOfAnErasedCustomersCaseKeepsWhatHappenedButNotWhatWasWritten() {
        Customer olga = Customer.unique();
        String words = "My parcel arrived soaked through, " + letters(8);
        CategorizedEvents feedback = olga.wrote(words).nps(2);
        feedback.publish(topics);
        JsonNode opened = awaitOpened(feedback.id());
        String caseUrl = "/api/v1/cases/" + opened.get("caseId").asText();
        Member agent = member(opened.get("ownerTeam").asText(), "agent");
        String reply = "Dear " + olga.name() + ", a dry one is on its way " + letters(8);
        String resolution = "We sent a new parcel in a waterproof bag " + letters(8);
        String reason = olga.firstName() + " says the second one was wet too " + letters(8);
        agent.as().body(Map.of("visibility", "customer", "text", reply)).post(caseUrl + "/comments")
                .then().statusCode(201);
        agent.as().body(Map.of("resolutionCode", "replaced", "rootCause", "rain", "resolutionText", resolution))
                .post(caseUrl + "/close").then().statusCode(200);
        agent.as().body(Map.of("reason", reason)).post(caseUrl + "/reopen").then().statusCode(200);

        erase(olga, true);

        String audit = agent.as().get(caseUrl + "/audit").then().statusCode(200)
                .body("findAll { it.action == 'closed' }.details.resolutionText", everyItem(equalTo(ERASED_TEXT)))
                .body("findAll { it.action == 'reopened' }.details.reason", everyItem(equalTo(ERASED_TEXT)))
                .body("findAll { it.action == 'reopened' }", hasSize(1))
                .body("find { it.action == 'closed' }.details.rootCause", equalTo("rain"))
                .extract().asString();
        assertMentionsNone(audit, Stream.concat(olga.traces().stream(), Stream.of(words, reply, resolution, reason))
                .toList());
        String view = agent.as().get(caseUrl).then().statusCode(200)
                .body("customer.id", startsWith("erased-"))
                .body("feedback.text", nullValue()).body("comments.text", everyItem(equalTo(ERASED_TEXT)))
                .extract().asString();
        assertMentionsNone(view, olga.traces());

        // the case is still worked; what it publishes now names the pseudonym only
        agent.as().body(Map.of("resolutionCode", "refunded", "rootCause", "rain", "resolutionText",
                "Refunded in full")).post(caseUrl + "/close").then().statusCode(200);
        List<ConsumerRecord<String, String>> resolved = topics.await(RESOLVED, r -> feedback.id().equals(r.key()), 2,
                Duration.ofSeconds(60));
        assertEquals(2, resolved.size());
        JsonNode afterErasure = read(resolved.get(1).value());
        assertTrue(afterErasure.at("/customer/id").asText().startsWith("erased-"), afterErasure.toString());
        assertTrue(afterErasure.at("/customer/email").isMissingNode() && afterErasure.at("/customer/name").isMissingNode()
                && afterErasure.at("/customer/phone").isMissingNode() && afterErasure.at("/text").isNull(),
                afterErasure.toString());
        List<ConsumerRecord<String, String>> closedUpdates = topics.await(UPDATED, r -> feedback.id().equals(r.key())
                && "closed".equals(read(r.value()).path("change").asText()), 2, Duration.ofSeconds(60));
        assertEquals(2, closedUpdates.size());
        assertMentionsNone(closedUpdates.get(1).value(), olga.traces());
        assertNowhere(olga.traces(), List.of(words, reply, resolution, reason));
    }

    /**
     * Without eraseText the words stay, but every email address and phone number written into them
     * goes. A name is not recognisable as such, and this service does not know the customer's (it
     * holds no contact data): a name written into a note stays until an erasure with eraseText.
     */
    @Test
    void withoutEraseTextTheWordsStayButTheContactDataWrittenIntoThemGoes() {
        Customer ivan = Customer.unique();
        String words = "The lid of my kettle came off " + letters(8);
        CategorizedEvents feedback = ivan.wrote(words + ". Write to me at " + ivan.email()).nps(2);
        feedback.publish(topics);
        JsonNode opened = awaitOpened(feedback.id());
        String caseUrl = "/api/v1/cases/" + opened.get("caseId").asText();
        Member agent = member(opened.get("ownerTeam").asText(), "agent");
        String replyWords = "a new lid is on its way " + letters(8);
        agent.as().body(Map.of("visibility", "internal", "text", "Called " + ivan.name() + " on "
                + ivan.phoneAsWritten() + ": " + replyWords)).post(caseUrl + "/comments").then().statusCode(201);
        // neither a date nor a short number is a phone number
        String ticket = "Ticket of 2026-11-23 " + letters(4) + ", order 1234-56";
        agent.as().body(Map.of("visibility", "internal", "text", ticket)).post(caseUrl + "/comments")
                .then().statusCode(201);
        // an assignment names a team member, not the customer: it stays
        agent.as().body(Map.of("assignee", agent.email())).put(caseUrl + "/assignee").then().statusCode(200);
        String resolutionWords = "We sent you a new lid " + letters(8);
        agent.as().body(Map.of("resolutionCode", "replaced", "rootCause", "loose lid", "resolutionText",
                resolutionWords + ", confirmation to " + ivan.email().toUpperCase())).post(caseUrl + "/close")
                .then().statusCode(200);

        erase(ivan, false);

        JsonPath view = agent.as().get(caseUrl).then().statusCode(200)
                .body("customer.id", startsWith("erased-")).body("assignee", equalTo(agent.email()))
                .extract().jsonPath();
        assertEquals(words + ". Write to me at " + ERASED_TEXT, view.getString("feedback.text"));
        assertEquals("Called " + ivan.name() + " on " + ERASED_TEXT + ": " + replyWords,
                view.getString("comments[0].text"));
        assertEquals(ticket, view.getString("comments[1].text"));
        assertEquals(resolutionWords + ", confirmation to " + ERASED_TEXT, view.getString("resolutionText"));
        JsonPath audit = agent.as().get(caseUrl + "/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(resolutionWords + ", confirmation to " + ERASED_TEXT,
                audit.getString("find { it.action == 'closed' }.details.resolutionText"));
        assertEquals(agent.email(), audit.getString("find { it.action == 'assigned' }.details.to"));
        assertEquals(agent.email(), audit.getString("find { it.action == 'assigned' }.actor"));
        assertNowhere(ivan.contactButName(), List.of());
    }

    @Test
    void anErasedCustomerIsNotToldWhatWasDoneAboutTheirFeedback() {
        Customer erased = Customer.unique();
        Customer kept = Customer.unique();
        CategorizedEvents erasedFeedback = erased.wrote("The checkout timed out " + letters(8)).nps(2);
        erasedFeedback.publish(topics);
        CategorizedEvents keptFeedback = kept.wrote("The checkout timed out again " + letters(8)).nps(2);
        keptFeedback.publish(topics);
        String team = awaitOpened(erasedFeedback.id()).get("ownerTeam").asText();
        awaitOpened(keptFeedback.id());
        String action = asAdmin().body(Map.of("teamId", team, "title", "A faster checkout",
                        "message", Map.of("en", "You told us checkout timed out. It no longer does."),
                        "firstBatchSize", 20))
                .post("/api/v1/improvement-actions").then().statusCode(201).extract().path("id");
        String links = "/api/v1/improvement-actions/" + action + "/links";
        asAdmin().body(Map.of("feedbackIds", List.of(erasedFeedback.id(), keptFeedback.id()))).post(links)
                .then().statusCode(200).body("added", equalTo(2));

        // their words are kept (no eraseText): still they are not written to
        erase(erased, false);

        asAdmin().get("/api/v1/improvement-actions/" + action).then().statusCode(200)
                .body("counts.linked", equalTo(1)).body("counts.pending", equalTo(1));
        asAdmin().body(Map.of("feedbackIds", List.of(erasedFeedback.id()))).post(links)
                .then().statusCode(200).body("added", equalTo(0));
        asAdmin().post("/api/v1/improvement-actions/" + action + "/publish").then().statusCode(200);
        assertEquals(1, topics.await(ANNOUNCED, r -> keptFeedback.id().equals(r.key()), 1, Duration.ofSeconds(60))
                .size());
        asAdmin().get("/api/v1/improvement-actions/" + action).then().statusCode(200)
                .body("counts.linked", equalTo(1)).body("counts.announced", equalTo(1))
                .body("counts.pending", equalTo(0));
        assertTrue(topics.records(ANNOUNCED).stream().noneMatch(r -> erasedFeedback.id().equals(r.key())));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE record_key = ?1 AND topic = ?2",
                erasedFeedback.id(), ANNOUNCED));
    }

    /** Publishes customer.erased.v1 as feedback-ingest does and waits for this service's confirmation. */
    private static void erase(Customer customer, boolean eraseText) {
        String erasureId = UUID.randomUUID().toString();
        ObjectNode request = ProducerExamples.example("feedback-ingest", ERASED, UUID.randomUUID());
        request.remove("feedbackId");
        request.put("erasureId", erasureId).put("customerId", customer.id()).put("eraseText", eraseText);
        topics.publishEvent(ERASED, erasureId, UUID.randomUUID().toString(), request.toString());
        List<ConsumerRecord<String, String>> confirmed = topics.await(CONFIRMED, r -> erasureId.equals(r.key()), 1,
                Duration.ofSeconds(60));
        assertEquals(1, confirmed.size(), "the erasure is confirmed");
        assertEquals("feedback-action", read(confirmed.get(0).value()).get("service").asText());
    }

    private static JsonNode awaitOpened(String feedbackId) {
        List<ConsumerRecord<String, String>> opened = topics.await(OPENED, r -> feedbackId.equals(r.key()), 1,
                Duration.ofSeconds(60));
        assertEquals(1, opened.size(), "a case is opened for feedback " + feedbackId);
        return read(opened.get(0).value());
    }

    /** Searches every row of every table of this service's database for any of the strings, ignoring case. */
    private void assertNowhere(List<String> traces, List<String> words) {
        List<String> needles = Stream.concat(traces.stream(), words.stream()).toList();
        assertEquals(List.of(), StoredValues.rowsHoldingAny(entityManager, needles), "the erased customer is found nowhere");
    }

    private static void assertMentionsNone(String text, List<String> needles) {
        for (String needle : needles) {
            assertFalse(text.toLowerCase().contains(needle.toLowerCase()), "'" + needle + "' in " + text);
        }
    }

    private long count(String sql, String... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
