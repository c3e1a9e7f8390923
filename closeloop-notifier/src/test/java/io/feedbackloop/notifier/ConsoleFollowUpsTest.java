package io.feedbackloop.notifier;

import static io.feedbackloop.notifier.Events.contactGiven;
import static io.feedbackloop.notifier.Events.customer;
import static io.feedbackloop.notifier.Events.mailTo;
import static io.feedbackloop.notifier.Events.publish;
import static io.feedbackloop.notifier.Events.unique;
import static io.feedbackloop.notifier.Requests.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedbackloop.kit.security.TestTokens;
import io.feedbackloop.notifier.service.UnsubscribeLinks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * What the agents' console reads here: the messages sent about the case or feedback an agent works,
 * and the message a customer would get now, written by the notifier from the contact directory
 * (the console never sees the contact).
 */
@QuarkusTest
class ConsoleFollowUpsTest extends TopicsTestBase {

    private static final String TEAM = "team-delivery";

    @Inject
    DataSource dataSource;

    @Inject
    UnsubscribeLinks links;

    private static RequestSpecification asAgent() {
        return given().auth().oauth2(TestTokens.agent(TEAM));
    }

    private static RequestSpecification asLead() {
        return given().auth().oauth2(TestTokens.lead(TEAM));
    }

    @Test
    void anAgentReadsWhatWasSentAboutTheirCaseButNeitherTheAddressNorAWorkingUnsubscribeLink() throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        String email = unique("console-list") + "@example.com";
        String customerId = unique("c-console-list");
        ObjectNode customer = contactGiven(topics, feedbackId, customer(customerId, email, null, "Anna", "en"));
        publish(topics, "action.opened.v1", feedbackId, Events.opened(caseId, feedbackId, customer, "Parcel crushed"));
        mailTo(email, 1);
        publish(topics, "action.updated.v1", feedbackId, Events.replied(caseId, feedbackId, UUID.randomUUID().toString(),
                customer, "A new parcel leaves today."));
        mailTo(email, 2);
        awaitAllSent(feedbackId, 2);

        String body = asAgent().get("/api/v1/followups?feedbackId=" + feedbackId).then().statusCode(200)
                .body("kind", equalTo(List.of("case-acknowledgement", "case-reply")))
                .body("status", everyItem(equalTo("sent")))
                .body("subject[1]", equalTo("Re: your case " + caseId.substring(0, 8).toUpperCase()))
                .body("body[1]", containsString("A new parcel leaves today."))
                .body("body[1]", containsString("/unsubscribe/<token>?lang=en"))
                .body("createdAt", everyItem(notNullValue())).body("sentAt", everyItem(notNullValue()))
                .body("providerMessageId", everyItem(nullValue()))
                .extract().asString();
        String token = links.token(customerId, "email");
        assertFalse(body.contains(email), body);
        assertFalse(body.contains(token), "an agent gets no working unsubscribe link: " + body);
        // leads read the record as it was written (the agent's view is the one that leaves things out)
        String asLead = asLead().get("/api/v1/followups?feedbackId=" + feedbackId).then().statusCode(200)
                .body("providerMessageId", everyItem(notNullValue())).extract().asString();
        assertTrue(asLead.contains(token), asLead);

        asAgent().get("/api/v1/followups?caseId=" + caseId).then().statusCode(200)
                .body("kind", equalTo(List.of("case-acknowledgement", "case-reply")))
                .body("caseId", everyItem(equalTo(caseId)))
                .body("body[0]", not(containsString(token)));
        asAgent().get("/api/v1/followups?caseId=" + caseId + "&feedbackId=" + UUID.randomUUID()).then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void anAgentMustNameTheFeedbackOrTheCaseALeadNeedNot() {
        for (String query : List.of("", "?customerId=c-anyone", "?status=failed&limit=5")) {
            asAgent().get("/api/v1/followups" + query).then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("feedbackId"))
                    .body("violations[0].message", containsString("caseId"));
        }
        asAgent().get("/api/v1/followups?caseId=case-7").then().statusCode(400).body("violations[0].field", equalTo("caseId"));
        asLead().get("/api/v1/followups?limit=5").then().statusCode(200);
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/followups?feedbackId=" + UUID.randomUUID())
                .then().statusCode(403);
        // one message is still for leads and admins
        asAgent().get("/api/v1/followups/" + UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    void aReplyIsPreviewedInRussianWithTheCustomersNameAndTheAgentsWordsEscaped() throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        String email = unique("console-ru") + "@example.com";
        String customerId = unique("c-console-ru");
        knownContact(feedbackId, customer(customerId, email, null, "Мария", "ru"));

        JsonPath preview = preview(asAgent(), """
                {"feedbackId": "%s", "kind": "case-reply", "caseId": "%s",
                 "text": "Деньги вернули <b>сегодня</b> & <script>alert(1)</script>"}""".formatted(feedbackId, caseId));
        assertEquals("ru", preview.getString("locale"));
        assertEquals("email", preview.getString("channel"));
        assertTrue(preview.getBoolean("contactKnown"));
        assertEquals(null, preview.getString("suppressedReason"));
        assertEquals("Ответ по обращению " + caseId.substring(0, 8).toUpperCase(), preview.getString("subject"));
        String text = preview.getString("body");
        String html = preview.getString("html");
        assertTrue(text.startsWith("Здравствуйте, Мария!"), text);
        assertTrue(text.contains("Деньги вернули <b>сегодня</b> & <script>alert(1)</script>"), text);
        assertTrue(html.contains("Здравствуйте, Мария!"), html);
        assertTrue(html.contains("Деньги вернули &lt;b&gt;сегодня&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertFalse(html.contains("<script>") || html.contains("<b>сегодня"), html);
        assertNoContactOrLink(preview, email, customerId);
    }

    @Test
    void aResolutionIsPreviewedInEnglishForALeadQuotingTheCustomerAndItsCase() throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        String email = unique("console-en") + "@example.com";
        String customerId = unique("c-console-en");
        ObjectNode customer = knownContact(feedbackId, customer(customerId, email, null, "Oliver", "en-GB"));
        // the case is opened: the notifier now knows the case, its team and the customer's words
        publish(topics, "action.opened.v1", feedbackId, Events.opened(caseId, feedbackId, customer, "Box <crushed> & wet"));
        mailTo(email, 1);

        JsonPath preview = preview(asLead(), """
                {"feedbackId": "%s", "kind": "case-resolution", "text": "Refunded <i>in full</i> & apologised"}"""
                .formatted(feedbackId));
        assertEquals("en", preview.getString("locale"));
        assertEquals("email", preview.getString("channel"));
        assertTrue(preview.getBoolean("contactKnown"));
        assertEquals("Your case " + caseId.substring(0, 8).toUpperCase() + " is resolved", preview.getString("subject"));
        String text = preview.getString("body");
        String html = preview.getString("html");
        assertTrue(text.startsWith("Hello Oliver,"), text);
        assertTrue(text.contains("What we did: Refunded <i>in full</i> & apologised"), text);
        assertTrue(text.contains("It started with what you wrote: \"Box <crushed> & wet\""), text);
        assertTrue(html.contains("Hello Oliver,"), html);
        assertTrue(html.contains("What we did: Refunded &lt;i&gt;in full&lt;/i&gt; &amp; apologised"), html);
        assertTrue(html.contains("Box &lt;crushed&gt; &amp; wet"), html);
        assertNoContactOrLink(preview, email, customerId);

        // a case the notifier knows is the feedback's: another one is a mistake, named
        preview(asLead(), """
                {"feedbackId": "%s", "kind": "case-reply", "caseId": "%s", "text": "x"}""".formatted(feedbackId,
                UUID.randomUUID()), 400).then().body("violations[0].field", equalTo("caseId"));
    }

    @Test
    void thePreviewTakesTheChannelTheCustomerWouldBeReachedOnOrSaysWhyTheyWouldGetNothing() throws Exception {
        String caseId = UUID.randomUUID().toString();
        String texted = UUID.randomUUID().toString();
        knownContact(texted, customer(unique("c-console-sms"), null, "+4479" + (10_000_000 + (int) (Math.random() * 89_999_999)),
                "Sam", "en"));
        JsonPath sms = preview(asAgent(), """
                {"feedbackId": "%s", "kind": "case-reply", "caseId": "%s", "text": "Parcel <found>"}""".formatted(texted, caseId));
        assertEquals("sms", sms.getString("channel"));
        assertTrue(sms.getBoolean("contactKnown"));
        assertEquals(null, sms.getString("html"));
        assertTrue(sms.getString("body").startsWith("Case " + caseId.substring(0, 8).toUpperCase() + ": Parcel <found> Stop: "),
                sms.getString("body"));

        String unreachable = UUID.randomUUID().toString();
        knownContact(unreachable, customer(unique("c-console-none"), null, null, "Nobody", "en"));
        JsonPath none = preview(asAgent(), """
                {"feedbackId": "%s", "kind": "case-reply", "caseId": "%s", "text": "x"}""".formatted(unreachable, caseId));
        assertTrue(none.getBoolean("contactKnown"));
        assertEquals("email", none.getString("channel"));
        assertEquals("no email address; no phone number", none.getString("suppressedReason"));
        assertTrue(none.getString("body").startsWith("Hello Nobody,"), none.getString("body"));
    }

    @Test
    void withoutAKnownContactThePreviewIsInTheDefaultLanguageWithANeutralSalutation() {
        String caseId = UUID.randomUUID().toString();
        JsonPath preview = preview(asAgent(), """
                {"feedbackId": "%s", "kind": "case-reply", "caseId": "%s", "text": "We are on it <now>"}"""
                .formatted(UUID.randomUUID(), caseId));
        assertFalse(preview.getBoolean("contactKnown"));
        assertEquals("en", preview.getString("locale"));
        assertEquals("email", preview.getString("channel"));
        assertEquals("Re: your case " + caseId.substring(0, 8).toUpperCase(), preview.getString("subject"));
        assertTrue(preview.getString("body").startsWith("Hello,\n"), preview.getString("body"));
        assertTrue(preview.getString("html").contains("<p>Hello,</p>"), preview.getString("html"));
        assertTrue(preview.getString("html").contains("We are on it &lt;now&gt;"), preview.getString("html"));

        JsonPath acknowledgement = preview(asAgent(), """
                {"feedbackId": "%s", "kind": "case-acknowledgement", "caseId": "%s"}""".formatted(UUID.randomUUID(), caseId));
        assertFalse(acknowledgement.getBoolean("contactKnown"));
        assertEquals("We hear you: case " + caseId.substring(0, 8).toUpperCase() + " is open",
                acknowledgement.getString("subject"));
    }

    @Test
    void aPreviewWithAMissingOrInvalidFieldIsAProblemNamingIt() {
        String feedbackId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        List<String[]> cases = List.of(
                new String[] {"{\"kind\": \"case-reply\", \"caseId\": \"" + caseId + "\", \"text\": \"x\"}", "feedbackId"},
                new String[] {"{\"feedbackId\": \"not-a-uuid\", \"kind\": \"case-reply\"}", "feedbackId"},
                new String[] {"{\"feedbackId\": \"" + feedbackId + "\", \"caseId\": \"" + caseId + "\"}", "kind"},
                new String[] {"{\"feedbackId\": \"" + feedbackId + "\", \"kind\": \"thanks\"}", "kind"},
                new String[] {"{\"feedbackId\": \"" + feedbackId + "\", \"kind\": \"case-reply\", \"caseId\": \"" + caseId
                        + "\", \"text\": \"" + "x".repeat(5001) + "\"}", "text"},
                new String[] {"{\"feedbackId\": \"" + feedbackId + "\", \"kind\": \"improvement\", \"text\": \"x\"}", "title"},
                new String[] {"{\"feedbackId\": \"" + feedbackId + "\", \"kind\": \"case-reply\", \"text\": \"x\"}", "caseId"});
        for (String[] c : cases) {
            JsonPath problem = preview(asAgent(), c[0], 400).then().contentType("application/problem+json")
                    .extract().jsonPath();
            assertEquals(List.of(c[1]), problem.getList("violations.field"), c[0] + " => " + problem.prettify());
        }
        // 5000 characters are fine, and an improvement with its title too
        preview(asAgent(), "{\"feedbackId\": \"" + feedbackId + "\", \"kind\": \"case-reply\", \"caseId\": \"" + caseId
                + "\", \"text\": \"" + "x".repeat(5000) + "\"}");
        JsonPath improvement = preview(asAgent(), """
                {"feedbackId": "%s", "kind": "improvement", "title": "Faster <refunds>", "text": ""}""".formatted(feedbackId));
        assertEquals("You said, we did: Faster <refunds>", improvement.getString("subject"));
        assertTrue(improvement.getString("html").contains("We listened: Faster &lt;refunds&gt;"), improvement.getString("html"));
    }

    /** Publishes the contact as feedback-ingest does and waits until the directory stored it. */
    private ObjectNode knownContact(String feedbackId, ObjectNode customer) throws InterruptedException {
        String eventId = UUID.randomUUID().toString();
        ObjectNode reference = contactGiven(topics, feedbackId, customer, eventId);
        StoredRows.awaitProcessed(dataSource, "contact-directory", List.of(eventId));
        return reference;
    }

    private void assertNoContactOrLink(JsonPath preview, String email, String customerId) {
        String all = preview.prettify();
        assertFalse(all.contains(email), all);
        assertFalse(all.contains(links.token(customerId, "email")), "a preview carries no working link of the customer: " + all);
        assertTrue(preview.getString("body").contains("/unsubscribe/" + links.token("preview-customer", "email")),
                preview.getString("body"));
    }

    private static JsonPath preview(RequestSpecification as, String body) {
        return preview(as, body, 200).then().contentType(ContentType.JSON).extract().jsonPath();
    }

    private static io.restassured.response.Response preview(RequestSpecification as, String body, int status) {
        io.restassured.response.Response response = as.contentType(ContentType.JSON).body(body)
                .post("/api/v1/followups/preview");
        response.then().statusCode(status);
        return response;
    }

    private static void awaitAllSent(String feedbackId, int messages) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            List<String> statuses = asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId).then().statusCode(200)
                    .extract().path("status");
            if (statuses.size() >= messages && statuses.stream().allMatch("sent"::equals)) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("messages of " + feedbackId + " not all sent: " + statuses);
            }
            Thread.sleep(100);
        }
    }
}
