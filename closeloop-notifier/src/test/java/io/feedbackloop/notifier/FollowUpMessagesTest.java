package io.feedbackloop.notifier;

import static io.feedbackloop.notifier.Events.FAILED;
import static io.feedbackloop.notifier.Events.JSON;
import static io.feedbackloop.notifier.Events.SENT;
import static io.feedbackloop.notifier.Events.contactGiven;
import static io.feedbackloop.notifier.Events.customer;
import static io.feedbackloop.notifier.Events.mailTo;
import static io.feedbackloop.notifier.Events.publish;
import static io.feedbackloop.notifier.Events.settledMailTo;
import static io.feedbackloop.notifier.Events.unique;
import static io.feedbackloop.notifier.Requests.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedbackloop.stack.MailMessage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Every kind of message, triggered by the event that owes it, read back at the SMTP server:
 * acknowledgements (thanks, review invitation, case), replies, resolutions, "you said, we did"
 * and survey invitations; content, language, escaping, and one message per trigger.
 */
@QuarkusTest
@QuarkusTestResource(value = ProviderStubs.class, restrictToAnnotatedClass = false)
class FollowUpMessagesTest extends TopicsTestBase {



    @Test
    void promoterIsThankedAndInvitedToReviewUsPublicly() {
        String feedbackId = UUID.randomUUID().toString();
        String email = unique("promoter") + "@example.com";
        publish(topics, "feedback.categorized.v1", feedbackId,
                Events.categorized(feedbackId, contactGiven(topics, feedbackId, customer("c-" + email, email, null, "Nina", "en")), 10, "promoter",
                        "Fast & friendly <3"));
        MailMessage mail = mailTo(email, 1).get(0);
        assertEquals("Thank you! Would you tell others too?", mail.subject());
        assertTrue(mail.text().startsWith("Hello Nina,"), mail.text());
        assertTrue(mail.text().contains("\"Fast & friendly <3\""), mail.text());
        assertTrue(mail.text().contains("https://reviews.example/feedbackloop"), mail.text());
        assertTrue(mail.html().contains("Fast &amp; friendly &lt;3"), mail.html());
        assertTrue(mail.html().contains("href=\"https://reviews.example/feedbackloop\""), mail.html());
        // the SMTP server has the message before we record it as sent
        topics.await(SENT, r -> feedbackId.equals(r.key()), 1, Duration.ofSeconds(20));
        asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId).then().statusCode(200)
                .body("[0].kind", equalTo("review-invitation")).body("[0].status", equalTo("sent"))
                .body("[0].triggerEvent", equalTo("feedback.categorized.v1"))
                .body("[0].subject", equalTo("Thank you! Would you tell others too?"));
    }

    @Test
    void passiveCustomerGetsAThanksInTheirLanguage() {
        String feedbackId = UUID.randomUUID().toString();
        String email = unique("passive") + "@example.com";
        publish(topics, "feedback.categorized.v1", feedbackId,
                Events.categorized(feedbackId, contactGiven(topics, feedbackId, customer("c-" + email, email, null, "Олег", "ru-RU")), 7, "passive",
                        "Нормально, но доставка могла быть быстрее"));
        MailMessage mail = mailTo(email, 1).get(0);
        assertEquals("Спасибо за ваш отзыв", mail.subject());
        assertTrue(mail.text().startsWith("Здравствуйте, Олег!"), mail.text());
        assertTrue(mail.text().contains("«Нормально, но доставка могла быть быстрее»"), mail.text());
    }

    @Test
    void feedbackFromAnOldExportIsNotThankedWeeksLater() throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        String email = unique("imported") + "@example.com";
        ObjectNode event = Events.categorized(feedbackId, contactGiven(topics, feedbackId, customer("c-" + email, email, null,
                "Old", "en")), 9, "promoter", "ok");
        event.put("respondedAt", "2025-01-15T10:00:00Z");
        publish(topics, "feedback.categorized.v1", feedbackId, event);
        String fresh = UUID.randomUUID().toString();
        publish(topics, "feedback.categorized.v1", fresh, Events.categorized(fresh,
                contactGiven(topics, fresh, customer("c-" + email, email, null, "Old", "en")), 9, "promoter", "ok"));
        mailTo(email, 1);
        assertEquals(1, settledMailTo(email, Duration.ofSeconds(3)).size(), "only the fresh feedback is thanked");
        asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId).then().body("$", hasSize(0));
    }

    /** The thanks waits for a case; when one opens, the customer gets its acknowledgement instead, never both. */
    @Test
    void detractorWithACaseGetsTheCaseAcknowledgementAndNoSecondThanks() throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        String email = unique("detractor") + "@example.com";
        ObjectNode customer = contactGiven(topics, feedbackId, customer("c-" + email, email, null, "Anna", "en"));
        publish(topics, "feedback.categorized.v1", feedbackId,
                Events.categorized(feedbackId, customer, 2, "detractor", "Parcel arrived crushed"));
        publish(topics, "action.opened.v1", feedbackId, Events.opened(caseId, feedbackId, customer, "Parcel arrived crushed"));

        mailTo(email, 1);
        // past the moment the thanks would have gone out (followup.acknowledgement-wait)
        List<MailMessage> mails = settledMailTo(email, Duration.ofSeconds(6));
        assertEquals(1, mails.size(), "one acknowledgement");
        assertEquals("We hear you: case " + caseId.substring(0, 8).toUpperCase() + " is open", mails.get(0).subject());
        asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId).then()
                .body("$", hasSize(1)).body("[0].kind", equalTo("case-acknowledgement"))
                .body("[0].idempotencyKey", equalTo("acknowledgement:" + feedbackId));
    }

    @Test
    void caseOpenedBeforeTheCategorizationArrivesStillMeansOneAcknowledgement() throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        String email = unique("reversed") + "@example.com";
        ObjectNode customer = contactGiven(topics, feedbackId, customer("c-" + email, email, null, "Boris", "en"));
        publish(topics, "action.opened.v1", feedbackId, Events.opened(UUID.randomUUID().toString(), feedbackId, customer, "Late"));
        mailTo(email, 1);
        publish(topics, "feedback.categorized.v1", feedbackId, Events.categorized(feedbackId, customer, 1, "detractor", "Late"));
        assertEquals(1, settledMailTo(email, Duration.ofSeconds(4)).size());
    }

    @Test
    void agentsReplyReachesTheCustomerOnceWithTheirOwnWordsQuotedAndEverythingEscaped() throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        String email = unique("reply") + "@example.com";
        ObjectNode customer = contactGiven(topics, feedbackId, customer("c-" + email, email, null, "Anna", "en"));
        publish(topics, "action.opened.v1", feedbackId, Events.opened(caseId, feedbackId, customer, "The app crashes <always>"));
        mailTo(email, 1);

        String commentId = UUID.randomUUID().toString();
        ObjectNode reply = Events.replied(caseId, feedbackId, commentId, customer,
                "Sorry! Version 2.1 fixes it: <a href=\"http://evil.example\">update</a> & retry.");
        String eventId = UUID.randomUUID().toString();
        topics.publishEvent("action.updated.v1", feedbackId, eventId, reply.toString());
        topics.publishEvent("action.updated.v1", feedbackId, eventId, reply.toString());      // redelivered
        publish(topics, "action.updated.v1", feedbackId, reply);                              // re-published, same comment
        ObjectNode internal = Events.replied(caseId, feedbackId, UUID.randomUUID().toString(), customer, null);
        internal.put("change", "commented").remove("customerReply");
        publish(topics, "action.updated.v1", feedbackId, internal);                           // internal note: nothing

        MailMessage mail = mailTo(email, 2).stream().filter(m -> m.subject().startsWith("Re:")).findFirst().orElseThrow();
        assertEquals("Re: your case " + caseId.substring(0, 8).toUpperCase(), mail.subject());
        assertTrue(mail.text().contains("Sorry! Version 2.1 fixes it: <a href=\"http://evil.example\">update</a> & retry."),
                mail.text());
        assertTrue(mail.text().contains("You wrote: \"The app crashes <always>\""), mail.text());
        assertTrue(mail.html().contains("&lt;a href=&quot;http://evil.example&quot;&gt;update&lt;/a&gt; &amp; retry."),
                mail.html());
        assertFalse(mail.html().contains("<a href=\"http://evil.example\""), mail.html());
        assertTrue(mail.html().contains("The app crashes &lt;always&gt;"), mail.html());

        assertEquals(2, settledMailTo(email, Duration.ofSeconds(3)).size(), "acknowledgement + one reply");
        asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId).then()
                .body("kind", equalTo(List.of("case-acknowledgement", "case-reply")))
                .body("[1].idempotencyKey", equalTo("case-reply:" + commentId))
                .body("[1].referenceId", equalTo(commentId));
    }

    @Test
    void resolutionTellsTheCustomerWhatWasDoneAndCopiesTheCrmWebhook() throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        String email = unique("resolved") + "@example.com";
        ObjectNode customer = contactGiven(topics, feedbackId, customer("c-" + email, email, null, "Иван", "ru"));
        publish(topics, "action.resolved.v1", feedbackId, Events.resolved(caseId, feedbackId, customer,
                "Мы вернули деньги за разбитую посылку <script>"));
        MailMessage mail = mailTo(email, 1).get(0);
        assertEquals("Обращение " + caseId.substring(0, 8).toUpperCase() + " решено", mail.subject());
        assertTrue(mail.text().contains("Что мы сделали: Мы вернули деньги за разбитую посылку <script>"), mail.text());
        assertTrue(mail.html().contains("Мы вернули деньги за разбитую посылку &lt;script&gt;"), mail.html());

        List<ConsumerRecord<String, String>> sent = topics.await(SENT, r -> feedbackId.equals(r.key()), 2, Duration.ofSeconds(20));
        assertEquals(List.of("email", "webhook"), sent.stream().map(r -> read(r).get("channel").asText()).sorted().toList());
        asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId).then()
                .body("channel", hasItem("webhook")).body("status", equalTo(List.of("sent", "sent")));
    }

    @Test
    void improvementReachesEveryLinkedCustomerQuotingWhatEachOfThemSaid() {
        String actionId = UUID.randomUUID().toString();
        String[] emails = new String[3];
        for (int i = 0; i < emails.length; i++) {
            emails[i] = unique("improvement" + i) + "@example.com";
            String feedbackId = UUID.randomUUID().toString();
            publish(topics, "improvement.announced.v1", feedbackId, Events.announced(actionId, feedbackId,
                    contactGiven(topics, feedbackId, customer("c-" + emails[i], emails[i], null, "Customer " + i, "en")),
                    "Checkout failed, try " + i, "en"));
        }
        for (int i = 0; i < emails.length; i++) {
            MailMessage mail = mailTo(emails[i], 1).get(0);
            assertEquals("You said, we did: A shorter, sturdier checkout", mail.subject());
            assertTrue(mail.text().startsWith("Hello Customer " + i + ","), mail.text());
            assertTrue(mail.text().contains("you told us: \"Checkout failed, try " + i + "\""), mail.text());
            assertTrue(mail.text().contains("We rebuilt checkout: one page"), mail.text());
            assertTrue(mail.text().contains("The web-shop team"), mail.text());
        }
    }

    @Test
    void surveyInvitationLinksBackToTheInvitationAndTellsTheLoop() throws Exception {
        String invitationId = UUID.randomUUID().toString();
        String email = unique("invited") + "@example.com";
        publish(topics, "survey.invited.v1", invitationId,
                Events.invited(invitationId, customer("c-" + email, email, null, "Anna", "en"), "email", false));
        MailMessage mail = mailTo(email, 1).get(0);
        assertEquals("NPS after a purchase: one minute for us?", mail.subject());
        assertTrue(mail.text().contains("/surveys/post-purchase-nps?invitation=" + invitationId), mail.text());
        JsonNode sent = read(topics.await(SENT, r -> invitationId.equals(r.key()), 1, Duration.ofSeconds(20)).get(0));
        assertEquals(invitationId, sent.get("invitationId").asText());
        assertTrue(sent.get("feedbackId").isNull());
        assertEquals("survey-invitation", sent.get("kind").asText());
    }

    @Test
    void everyEmailCarriesAWorkingUnsubscribeLinkAndItsIdempotencyKey() {
        String feedbackId = UUID.randomUUID().toString();
        String email = unique("headers") + "@example.com";
        publish(topics, "action.opened.v1", feedbackId,
                Events.opened(UUID.randomUUID().toString(), feedbackId,
                        contactGiven(topics, feedbackId, customer("c-" + email, email, null, "Eva", "en")), "x"));
        MailMessage mail = mailTo(email, 1).get(0);
        String id = asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId).then().extract().path("[0].id");
        assertEquals(id, mail.header("X-Followup-Id"));
        assertEquals("<" + id + "@followup.feedbackloop>", mail.header("Message-ID"));
        assertEquals("List-Unsubscribe=One-Click", mail.header("List-Unsubscribe-Post"));
        String link = mail.header("List-Unsubscribe").replaceAll("[<>]", "");
        assertTrue(mail.text().contains(link), "the same link is in the text: " + mail.text());
        assertTrue(mail.html().contains(link.replace("&", "&amp;")), mail.html());
        given().get(link.replace("http://notifier.test", "")).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<form method=\"post\">"));
    }

    @Test
    void templatesArePreviewableWithSampleContentAndEscapeIt() {
        asAdmin().contentType(ContentType.JSON).body("""
                        {"kind": "case-reply", "locale": "ru", "customerName": "Мария", "quote": "<b>сломалось</b>",
                         "team": "billing", "details": {"caseNumber": "7D1E5A2B", "reply": "Деньги вернули <i>сегодня</i>"}}""")
                .post("/api/v1/templates/preview")
                .then().statusCode(200)
                .body("subject", equalTo("Ответ по обращению 7D1E5A2B"))
                .body("text", containsString("Деньги вернули <i>сегодня</i>"))
                .body("html", containsString("Деньги вернули &lt;i&gt;сегодня&lt;/i&gt;"))
                .body("html", containsString("&lt;b&gt;сломалось&lt;/b&gt;"))
                .body("html", not(containsString("<b>сломалось")));
        asAdmin().contentType(ContentType.JSON).body("{\"kind\": \"survey-invitation\", \"channel\": \"sms\", \"locale\": \"de\","
                        + " \"details\": {\"surveyName\": \"NPS\", \"surveyUrl\": \"https://s.example/1\"}}")
                .post("/api/v1/templates/preview")
                .then().statusCode(200).body("locale", equalTo("en"))
                .body("text", containsString("One minute: https://s.example/1")).body("html", equalTo(null));
        asAdmin().contentType(ContentType.JSON).body("{\"kind\": \"birthday\", \"channel\": \"fax\"}")
                .post("/api/v1/templates/preview")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("kind", "channel")));
        asAdmin().get("/api/v1/templates").then().statusCode(200)
                .body("kind", hasItem("improvement"))
                .body("find { it.kind == 'case-reply' }.event", equalTo("action.updated.v1"))
                .body("find { it.kind == 'case-reply' }.locales", equalTo(List.of("en", "ru")));
    }

    @Test
    void badQueriesAreProblemsNamingTheField() {
        asAdmin().get("/api/v1/followups?status=lost").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("status"));
        asAdmin().get("/api/v1/followups?feedbackId=nope").then().statusCode(400).body("violations[0].field", equalTo("feedbackId"));
        asAdmin().get("/api/v1/followups/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    private static JsonNode read(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
