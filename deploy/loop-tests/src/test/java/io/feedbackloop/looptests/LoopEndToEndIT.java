package io.feedbackloop.looptests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackloop.stack.LoopStack;
import io.feedbackloop.stack.LoopTopics;
import io.feedbackloop.stack.MailMessage;
import io.feedbackloop.stack.TopicProbe;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole loop as it runs in production: four service processes, one Kafka broker, one
 * PostgreSQL server, one SMTP server. A support channel posts feedback over REST; the customer's
 * email arrives; every topic on the way carries one CloudEvent keyed by the feedback id.
 */
class LoopEndToEndIT {

    private static final Logger LOG = Logger.getLogger(LoopEndToEndIT.class);
    private static LoopStack stack;
    private static TopicProbe topics;
    private static LoopClient client;

    @BeforeAll
    static void startLoop() throws Exception {
        // the thanks for a feedback without a case waits 8 s for a case instead of a minute
        stack = LoopStack.start(LoopStack.repositoryRoot(), Files.createTempDirectory("loop-e2e"), false, false,
                java.util.Map.of("FOLLOWUP_ACKNOWLEDGEMENT_WAIT", "PT8S"));
        topics = TopicProbe.watch(stack.broker().bootstrapServers(), LoopTopics.FEEDBACK_RECEIVED,
                LoopTopics.FEEDBACK_CATEGORIZED, LoopTopics.ACTION_OPENED, LoopTopics.FOLLOWUP_SENT);
        client = new LoopClient(stack.service("feedback-ingest").baseUrl(), stack.webChannelKey());
    }

    @AfterAll
    static void stopLoop() {
        if (topics != null) {
            topics.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void detractorFeedbackTravelsTheWholeLoopToTheCustomersInbox() throws Exception {
        String email = "maria." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        long posted = System.nanoTime();
        HttpResponse<String> answer = client.submit(email, "Мария", "ru", 2,
                "Заказ пришёл разбитым, <b>никто</b> не ответил");
        assertEquals(201, answer.statusCode(), answer.body());
        String id = LoopClient.JSON.readTree(answer.body()).get("id").asText();

        List<MimeMessage> mails = stack.mail().await(m -> m.recipients().contains(email), 1, Duration.ofSeconds(60));
        long postToEmailMillis = (System.nanoTime() - posted) / 1_000_000;
        assertEquals(1, mails.size(), "the customer got the acknowledgement");
        LOG.infof("POST to email in the inbox: %d ms", postToEmailMillis);
        MailMessage mail = new MailMessage(mails.get(0));
        assertTrue(mail.text().startsWith("Здравствуйте, Мария!"), mail.text());
        assertTrue(mail.text().contains("«Заказ пришёл разбитым, <b>никто</b> не ответил»"), mail.text());
        assertTrue(mail.html().contains("&lt;b&gt;никто&lt;/b&gt;"), mail.html());

        String[][] expected = {
                {LoopTopics.FEEDBACK_RECEIVED, "feedbackloop.feedback.received.v1", "/feedback-ingest"},
                {LoopTopics.FEEDBACK_CATEGORIZED, "feedbackloop.feedback.categorized.v1", "/feedback-categorize"},
                {LoopTopics.ACTION_OPENED, "feedbackloop.action.opened.v1", "/feedback-action"},
                {LoopTopics.FOLLOWUP_SENT, "feedbackloop.followup.sent.v1", "/closeloop-notifier"},
        };
        for (String[] topic : expected) {
            List<ConsumerRecord<String, String>> records = topics.await(topic[0], r -> id.equals(r.key()), 1,
                    Duration.ofSeconds(30));
            assertEquals(1, records.size(), "one record keyed by the feedback id on " + topic[0]);
            ConsumerRecord<String, String> record = records.get(0);
            assertEquals("1.0", TopicProbe.header(record, "ce_specversion"), topic[0]);
            assertEquals(topic[1], TopicProbe.header(record, "ce_type"), topic[0]);
            assertEquals(topic[2], TopicProbe.header(record, "ce_source"), topic[0]);
            assertEquals(id, TopicProbe.header(record, "ce_subject"), topic[0]);
            assertNotNull(TopicProbe.header(record, "ce_id"), topic[0]);
            assertNotNull(TopicProbe.header(record, "ce_time"), topic[0]);
            assertEquals(id, LoopClient.JSON.readTree(record.value()).get("feedbackId").asText(), topic[0]);
        }

        // a duplicate would arrive after the first record: look again once the loop is quiet
        for (String[] topic : expected) {
            assertEquals(1, topics.settle(topic[0], r -> id.equals(r.key()), Duration.ofMillis(500)).size(),
                    "still one record on " + topic[0]);
        }
        assertEquals(1, stack.mail().received().stream().filter(m -> new MailMessage(m).recipients().contains(email))
                .count(), "still one email");

        JsonNode view = client.awaitStage(id, "followed_up", Duration.ofSeconds(30));
        assertEquals("followed_up", view.at("/loop/stage").asText(), view.toString());
        List<String> stages = view.at("/loop/steps").findValuesAsText("stage");
        assertEquals(List.of("received", "categorized", "action_opened", "followed_up"), stages);
    }

    @Test
    void promoterFeedbackOpensNoCaseAndIsThankedOnce() throws Exception {
        String email = "petr." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> answer = client.submit(email, "Petr", "en", 10, "Lovely service");
        assertEquals(201, answer.statusCode(), answer.body());
        String id = LoopClient.JSON.readTree(answer.body()).get("id").asText();

        JsonNode view = client.awaitStage(id, "followed_up", Duration.ofSeconds(60));
        assertEquals("promoter", view.at("/loop/steps/1/detail").asText(), view.toString());
        assertEquals(List.of("received", "categorized", "followed_up"), view.at("/loop/steps").findValuesAsText("stage"));
        assertEquals(0, topics.settle(LoopTopics.ACTION_OPENED, r -> id.equals(r.key()), Duration.ofSeconds(1)).size());
        List<MailMessage> mails = stack.mail().received().stream().map(MailMessage::new)
                .filter(m -> m.recipients().contains(email)).toList();
        assertEquals(1, mails.size());
        assertEquals("Thank you for your feedback", mails.get(0).subject());
        assertTrue(mails.get(0).text().contains("\"Lovely service\""), mails.get(0).text());
    }
}
