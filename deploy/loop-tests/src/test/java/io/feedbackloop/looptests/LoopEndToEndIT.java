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
import io.feedbackloop.stack.SignIn;
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
 * email arrives; every topic on the way carries one CloudEvent keyed by the feedback id. People
 * sign in at feedback-action and call every service with the token they got.
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
        List<String> traceparents = new java.util.ArrayList<>();
        for (String[] topic : expected) {
            List<ConsumerRecord<String, String>> records = topics.await(topic[0], r -> id.equals(r.key()), 1,
                    Duration.ofSeconds(30));
            traceparents.add(TopicProbe.header(records.get(0), "traceparent"));
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

        // one trace follows the feedback through the four services, one span per step
        assertTrue(traceparents.stream().allMatch(t -> t != null && t.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")),
                traceparents.toString());
        assertEquals(1, traceparents.stream().map(t -> t.split("-")[1]).distinct().count(), traceparents.toString());
        assertEquals(traceparents.size(), traceparents.stream().map(t -> t.split("-")[2]).distinct().count(),
                traceparents.toString());

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

    /**
     * A customer asks to be forgotten: every service removes their email, name and words from its
     * own store and confirms; the numbers stay. Checked through each service's own API.
     */
    @Test
    void erasureRemovesTheCustomerFromEveryServiceAndEachConfirms() throws Exception {
        String email = "erase." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> answer = client.submit(email, "Ольга", "ru", 1, "Курьер нахамил, заказ потерян");
        assertEquals(201, answer.statusCode(), answer.body());
        String id = LoopClient.JSON.readTree(answer.body()).get("id").asText();
        client.awaitStage(id, "followed_up", Duration.ofSeconds(60));
        String customerId = "c-" + email.hashCode();

        HttpResponse<String> erasure = http("POST", "feedback-ingest", "/api/v1/customers/" + customerId + "/erasure",
                "{\"requestedBy\": \"dpo@example.com\"}");
        assertEquals(202, erasure.statusCode(), erasure.body());
        String location = java.net.URI.create(erasure.headers().firstValue("Location").orElseThrow()).getPath();
        JsonNode status = LoopClient.JSON.readTree(erasure.body());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!"completed".equals(status.get("status").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = LoopClient.JSON.readTree(http("GET", "feedback-ingest", location, null).body());
        }
        assertEquals("completed", status.get("status").asText(), status.toString());
        assertEquals(List.of("closeloop-notifier", "feedback-action", "feedback-categorize", "feedback-ingest"),
                status.get("confirmations").findValuesAsText("service").stream().sorted().toList(), status.toString());
        assertTrue(status.get("customerRef").asText().startsWith("erased-"));

        String[][] views = {
                {"feedback-ingest", "/api/v1/feedback/" + id},
                {"feedback-categorize", "/api/v1/feedback/" + id + "/categorization"},
                {"feedback-action", "/api/v1/cases?limit=200"},
                {"closeloop-notifier", "/api/v1/followups?feedbackId=" + id}};
        for (String[] view : views) {
            String body = http("GET", view[0], view[1], null).body();
            assertTrue(!body.contains(email) && !body.contains("Ольга") && !body.contains("Курьер нахамил")
                    && !body.contains(customerId + "\""), view[0] + " still knows the customer: " + body);
        }
        JsonNode feedback = client.feedback(id);
        assertEquals(1, feedback.at("/npsScore").asInt(), "the score stays for the numbers: " + feedback);
    }

    /** After feedback went round the loop, what ops watch is there: metrics, and health that knows Kafka and the database. */
    @Test
    void metricsAndHealthShowTheLoopToOps() throws Exception {
        String email = "metrics." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String id = LoopClient.JSON.readTree(client.submit(email, "Ops", "en", 3, "Slow delivery").body()).get("id").asText();
        client.awaitStage(id, "followed_up", Duration.ofSeconds(60));
        java.util.Map<String, List<String>> expected = java.util.Map.of(
                "feedback-ingest", List.of("feedback_received_total", "outbox_backlog"),
                "feedback-categorize", List.of("categorizer_latency_seconds_count", "feedback_categorized_total"),
                "feedback-action", List.of("cases_opened_total", "cases_open", "cases_overdue"),
                "closeloop-notifier", List.of("followups_sent_total", "outbox_backlog"));
        for (var service : expected.entrySet()) {
            String metrics = management(service.getKey(), "/q/metrics");
            for (String name : service.getValue()) {
                assertTrue(metrics.contains("\n" + name), service.getKey() + " has no " + name);
            }
            assertTrue(metrics.contains("kafka_consumer_fetch_manager_records_lag"), service.getKey() + " shows no consumer lag");
            assertTrue(!metrics.contains(email), service.getKey() + " puts personal data into metrics");
            String ready = management(service.getKey(), "/q/health/ready");
            assertTrue(ready.contains("\"status\": \"UP\"") || ready.contains("\"status\":\"UP\""), ready);
            assertTrue(ready.toLowerCase().contains("database"), service.getKey() + " readiness ignores the database: " + ready);
            assertTrue(ready.toLowerCase().contains("messaging"), service.getKey() + " readiness ignores Kafka: " + ready);
        }
    }

    /** An unreadable record on every topic a service reads lands in that topic's dead-letter twin, and the loop moves on. */
    @Test
    void poisonOnEveryConsumedTopicGoesToItsDeadLetterTopicAndTheLoopMovesOn() throws Exception {
        String marker = "poison-" + UUID.randomUUID();
        List<String> consumed = LoopTopics.all().stream().filter(t -> t.endsWith(".dlq"))
                .map(t -> t.substring(0, t.length() - ".dlq".length())).toList();
        try (TopicProbe probe = TopicProbe.watch(stack.broker().bootstrapServers(),
                consumed.stream().map(t -> t + ".dlq").toArray(String[]::new))) {
            for (String topic : consumed) {
                probe.publishEvent(topic, marker, UUID.randomUUID().toString(), "{\"unreadable\": " + marker);
            }
            for (String topic : consumed) {
                assertTrue(!probe.await(topic + ".dlq", r -> marker.equals(r.key()), 1, Duration.ofSeconds(60)).isEmpty(),
                        "no dead letter on " + topic + ".dlq");
            }
        }
        String email = "after-poison." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String id = LoopClient.JSON.readTree(client.submit(email, "Vera", "en", 2, "Still broken").body()).get("id").asText();
        assertEquals("followed_up", client.awaitStage(id, "followed_up", Duration.ofSeconds(60)).at("/loop/stage").asText());
    }

    /**
     * An agent signs in and works the case of a detractor's feedback with nothing but its token: the
     * administrator signs in, adds the agent with a password to the team that owns the case, the
     * agent signs in at {@code /auth/token}, finds the case, answers the customer and closes it.
     */
    @Test
    void anAgentSignsInAndWorksACaseWithItsToken() throws Exception {
        String email = "olga." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String id = LoopClient.JSON.readTree(client.submit(email, "Olga", "en", 1, "The parcel never came").body())
                .get("id").asText();
        topics.await(LoopTopics.ACTION_OPENED, r -> id.equals(r.key()), 1, Duration.ofSeconds(60));

        String agent = "agent." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "Agent-" + UUID.randomUUID();
        HttpResponse<String> added = http("POST", "feedback-action", "/api/v1/teams/customer-care/members",
                LoopClient.JSON.createObjectNode().put("email", agent).put("name", "Agent Smith").put("role", "agent")
                        .put("password", password).toString());
        assertEquals(201, added.statusCode(), added.body());
        String token = SignIn.accessToken(stack.service("feedback-action").baseUrl(), agent, password);

        HttpResponse<String> unauthenticated = call("GET", "feedback-action", "/api/v1/cases?feedbackId=" + id, null, null);
        assertEquals(401, unauthenticated.statusCode(), "cases are not public");
        HttpResponse<String> cases = call("GET", "feedback-action", "/api/v1/cases?feedbackId=" + id, null, token);
        assertEquals(200, cases.statusCode(), cases.body());
        JsonNode found = LoopClient.JSON.readTree(cases.body()).findValue("items");
        assertEquals(1, found.size(), cases.body());
        String caseId = found.get(0).get("id").asText();

        HttpResponse<String> reply = call("POST", "feedback-action", "/api/v1/cases/" + caseId + "/comments",
                "{\"visibility\":\"customer\",\"text\":\"We are sorry: a new parcel leaves today.\"}", token);
        assertEquals(201, reply.statusCode(), reply.body());
        HttpResponse<String> closed = call("POST", "feedback-action", "/api/v1/cases/" + caseId + "/close",
                "{\"resolutionCode\":\"replaced\",\"rootCause\":\"lost by the courier\","
                        + "\"resolutionText\":\"A new parcel was sent.\"}", token);
        assertEquals(200, closed.statusCode(), closed.body());
        assertEquals("closed", LoopClient.JSON.readTree(closed.body()).get("status").asText(), closed.body());
        assertTrue(closed.body().contains(agent), "the case records the agent who worked it: " + closed.body());

        HttpResponse<String> channelKeys = call("POST", "feedback-ingest", "/api/v1/admin/channels/chat/keys", "{}", token);
        assertEquals(403, channelKeys.statusCode(), "an agent issues no channel keys: " + channelKeys.body());
    }

    /** Health and metrics live on each service's management port, apart from the API. */
    private static String management(String service, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(stack.service(service).managementUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Calls a service as this run's administrator. */
    private static HttpResponse<String> http(String method, String service, String path, String json) throws Exception {
        return call(method, service, path, json, stack.adminAccessToken());
    }

    private static HttpResponse<String> call(String method, String service, String path, String json, String token)
            throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(stack.service(service).baseUrl() + path))
                .method(method, json == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
