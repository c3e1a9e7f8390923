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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackloop.action.CaseFixtures.Member;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * This service holds and publishes no customer contact data (issue 18: it travels on
 * {@code customer.contact.v1} to the notifier only). A categorized event of an older producer still
 * carries the customer's email, phone and name: the case it opens, everything published about that
 * case and its customer, every REST view of it and every row of the database hold none of them;
 * each event that can make the notifier write to the customer carries the feedback id (and the
 * customer id) the notifier finds the contact by.
 */
@QuarkusTest
@QuarkusTestResource(value = LoopTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "action"))
class CustomerContactDataTest {

    private static final String ANNOUNCED = "improvement.announced.v1";
    private static final Set<String> CONTACT_FIELDS = Set.of("email", "phone", "name");

    private static TopicProbe topics;

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void watch() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), OPENED, UPDATED, RESOLVED, ANNOUNCED);
    }

    @AfterAll
    static void close() {
        topics.close();
    }

    @Test
    void contactDataOfAnOldCategorizedEventIsNeitherKeptNorPublishedNorShown() {
        String customerId = "c-" + UUID.randomUUID();
        String email = letters(12) + "@example.com";
        String phone = "+7916" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        String firstName = capitalized(letters(8));
        String lastName = capitalized(letters(10));
        // every way the contact data could show up: address, number (with and without +), name and its parts
        List<String> contact = List.of(email, phone, phone.substring(1), firstName + " " + lastName, firstName,
                lastName);
        String segment = "segment-" + letters(6);
        String theme = "parcels/" + letters(8);

        CategorizedEvents feedback = CategorizedEvents.feedback().customer(customerId, email, phone,
                        firstName + " " + lastName).segment(segment).nps(2).themes(theme)
                .text("The parcel arrived broken " + letters(8));
        feedback.publish(topics);
        JsonNode opened = awaitOne(OPENED, feedback.id(), r -> true);
        String caseUrl = "/api/v1/cases/" + opened.get("caseId").asText();
        String team = opened.get("ownerTeam").asText();

        // a correction (also an old record with the contact data): labels-changed
        feedback.urgency("legal").publishCorrection(topics, "lead@ops.example", UUID.randomUUID().toString(),
                "urgency");
        awaitOne(UPDATED, feedback.id(), r -> "labels-changed".equals(read(r.value()).path("change").asText()));

        // the case is worked and answered: every event the notifier may write to the customer for
        Member agent = member(team, "agent");
        agent.as().body(Map.of("assignee", agent.email())).put(caseUrl + "/assignee").then().statusCode(200);
        agent.as().body(Map.of("visibility", "customer", "text", "We are sending a new one " + letters(8)))
                .post(caseUrl + "/comments").then().statusCode(201);
        agent.as().body(Map.of("resolutionCode", "replaced", "rootCause", "packaging", "resolutionText",
                "A new parcel is on its way " + letters(8))).post(caseUrl + "/close").then().statusCode(200);
        awaitOne(RESOLVED, feedback.id(), r -> true);
        awaitOne(UPDATED, feedback.id(), r -> "closed".equals(read(r.value()).path("change").asText()));

        // "you said, we did" for the same feedback
        String action = asAdmin().body(Map.of("teamId", team, "theme", theme, "title", "Sturdier boxes",
                        "message", Map.of("en", "You told us parcels arrived broken. Our boxes are sturdier now."),
                        "firstBatchSize", 5))
                .post("/api/v1/improvement-actions").then().statusCode(201).extract().path("id");
        asAdmin().body(Map.of("feedbackIds", List.of(feedback.id())))
                .post("/api/v1/improvement-actions/" + action + "/links").then().statusCode(200)
                .body("added", equalTo(1));
        asAdmin().post("/api/v1/improvement-actions/" + action + "/publish").then().statusCode(200);
        awaitOne(ANNOUNCED, feedback.id(), r -> true);

        // the events: the customer's reference and the feedback id, no contact data
        List<ConsumerRecord<String, String>> published = new ArrayList<>();
        for (String topic : List.of(OPENED, UPDATED, RESOLVED, ANNOUNCED)) {
            List<ConsumerRecord<String, String>> ours = topics.records(topic).stream()
                    .filter(r -> feedback.id().equals(r.key())).toList();
            assertFalse(ours.isEmpty(), "published on " + topic);
            published.addAll(ours);
        }
        assertTrue(published.stream().map(r -> read(r.value()).path("change").asText()).toList()
                .containsAll(List.of("labels-changed", "assigned", "replied", "closed")), "every kind of change seen");
        for (ConsumerRecord<String, String> record : published) {
            String what = record.topic() + " " + record.value();
            assertMentionsNone(record.value(), contact, what);
            JsonNode event = read(record.value());
            assertEquals(feedback.id(), event.path("feedbackId").asText(), "the feedback id to find the contact by: " + what);
            JsonNode customer = event.path("customer");
            assertEquals(customerId, customer.path("id").asText(), "the customer's reference: " + what);
            assertEquals("en", customer.path("locale").asText(), what);
            assertEquals(Set.of(), contactFieldsIn(customer), "no contact fields at all: " + what);
            assertDeprecatedFieldsAbsent(record.topic(), customer, what);
        }
        assertEquals(segment, opened.at("/customer/segment").asText(), "the segment stays");

        // the REST views: the customer's reference, language and segment
        String view = agent.as().get(caseUrl).then().statusCode(200)
                .body("customer.id", equalTo(customerId)).body("customer.locale", equalTo("en"))
                .body("customer.segment", equalTo(segment)).extract().asString();
        assertEquals(Set.of("id", "locale", "segment"), fieldNames(read(view).get("customer")));
        assertMentionsNone(view, contact, "case view");
        String list = agent.as().get("/api/v1/cases?feedbackId=" + feedback.id()).then().statusCode(200)
                .body("items[0].customerId", equalTo(customerId)).extract().asString();
        assertEquals(Set.of(), contactFieldsIn(read(list).at("/items/0")), list);
        assertMentionsNone(list, contact, "case list");
        assertMentionsNone(agent.as().get(caseUrl + "/audit").then().statusCode(200).extract().asString(), contact,
                "audit trail");
        assertMentionsNone(asAdmin().get("/api/v1/improvement-actions/" + action).then().statusCode(200).extract()
                .asString(), contact, "improvement action");

        // the database: no contact column, and no contact value in any row of any table
        assertNoContactColumns();
        assertNowhere(contact);
    }

    private static JsonNode awaitOne(String topic, String feedbackId,
                                     java.util.function.Predicate<ConsumerRecord<String, String>> match) {
        List<ConsumerRecord<String, String>> records = topics.await(topic,
                r -> feedbackId.equals(r.key()) && match.test(r), 1, Duration.ofSeconds(60));
        assertEquals(1, records.size(), topic + " for feedback " + feedbackId);
        return read(records.get(0).value());
    }

    /** A removed contact property is documented as no longer sent (type null, deprecated) and is not sent. */
    private static void assertDeprecatedFieldsAbsent(String topic, JsonNode customer, String what) {
        JsonNode schema = read(io.restassured.RestAssured.given().get("/schemas/" + topic + ".json").then()
                .statusCode(200).extract().asString());
        JsonNode properties = schema.at("/properties/customer/properties");
        for (String field : CONTACT_FIELDS) {
            JsonNode property = properties.get(field);
            assertTrue(property != null && "null".equals(property.path("type").asText())
                    && property.path("deprecated").asBoolean(), topic + " schema: customer." + field + " " + property);
            assertFalse(customer.has(field), what);
        }
    }

    private static Set<String> contactFieldsIn(JsonNode node) {
        Set<String> found = new TreeSet<>();
        for (String name : fieldNames(node)) {
            String lower = name.toLowerCase();
            if (lower.contains("email") || lower.contains("phone") || CONTACT_FIELDS.contains(lower)
                    || lower.equals("customername")) {
                found.add(name);
            }
        }
        return found;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private void assertNoContactColumns() {
        List<?> columns = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = current_schema()
                  AND column_name IN ('customer_email', 'customer_phone', 'customer_name')""").getResultList());
        assertEquals(List.of(), columns, "no customer contact column left");
    }

    /** Searches every row of every table of this service's database for any of the strings, ignoring case. */
    private void assertNowhere(List<String> needles) {
        assertEquals(List.of(), StoredValues.rowsHoldingAny(entityManager, needles),
                "the customer's contact data is found nowhere in the database");
    }

    private static void assertMentionsNone(String text, List<String> needles, String what) {
        for (String needle : needles) {
            assertFalse(text.toLowerCase().contains(needle.toLowerCase()), "'" + needle + "' in " + what + ": " + text);
        }
    }
}
