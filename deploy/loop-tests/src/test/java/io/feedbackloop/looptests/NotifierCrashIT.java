package io.feedbackloop.looptests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.feedbackloop.stack.LoopStack;
import io.feedbackloop.stack.LoopTopics;
import io.feedbackloop.stack.ServiceProcess;
import io.feedbackloop.stack.TopicProbe;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notifier is killed (SIGKILL) after the SMS gateway took a message and before the notifier
 * recorded it. After the restart the message is handed over again under the same idempotency
 * key, which the gateway answers as a duplicate: the customer gets one text, the loop one
 * {@code followup.sent.v1}.
 */
class NotifierCrashIT {

    private static final Logger LOG = Logger.getLogger(NotifierCrashIT.class);
    private static final String SMS = "/sms/messages";

    private static WireMockServer gateway;
    private static LoopStack stack;

    @BeforeAll
    static void start() throws Exception {
        gateway = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        gateway.start();
        // the first hand-over is taken but answered slowly: the notifier dies waiting for the answer
        gateway.stubFor(post(urlEqualTo(SMS)).inScenario("crash").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(202).withFixedDelay(8000).withBody("{\"id\": \"gw-1\"}"))
                .willSetStateTo("taken"));
        gateway.stubFor(post(urlEqualTo(SMS)).inScenario("crash").whenScenarioStateIs("taken")
                .willReturn(aResponse().withStatus(409).withBody("{\"id\": \"gw-1\", \"duplicate\": true}")));
        stack = LoopStack.start(LoopStack.repositoryRoot(), Files.createTempDirectory("loop-notifier-crash"), false,
                false, Map.of("FOLLOWUP_SMS_URL", "http://localhost:" + gateway.port() + SMS,
                        "FOLLOWUP_DISPATCH_SENDING_LEASE", "PT5S"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (gateway != null) {
            gateway.stop();
        }
    }

    @Test
    void aMessageTakenByTheGatewayBeforeTheNotifierDiedIsRecordedOnceAndNotTextedTwice() throws Exception {
        LoopClient client = new LoopClient(stack.service("feedback-ingest").baseUrl(), stack.webChannelKey());
        String body = LoopClient.JSON.createObjectNode()
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("customer", LoopClient.JSON.createObjectNode()
                        .put("id", "c-crash").put("phone", "+79161234567").put("name", "Вера").put("locale", "ru"))
                .put("channel", "web").put("npsScore", 1).put("text", "Курьер не приехал").toString();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stack.service("feedback-ingest").baseUrl() + "/api/v1/feedback"))
                .header("Content-Type", "application/json").header("X-Api-Key", stack.webChannelKey())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, answer.statusCode(), answer.body());
        String id = LoopClient.JSON.readTree(answer.body()).get("id").asText();

        try (TopicProbe topics = TopicProbe.watch(stack.broker().bootstrapServers(), LoopTopics.FOLLOWUP_SENT)) {
            awaitCalls(1);
            ServiceProcess notifier = stack.service("closeloop-notifier");
            notifier.kill();
            LOG.info("closeloop-notifier killed while the SMS gateway held the message");
            notifier.start().awaitReady(Duration.ofSeconds(120));

            List<LoggedRequest> calls = awaitCalls(2);
            assertEquals(2, calls.size(), "handed over again after the restart");
            assertEquals(calls.get(0).getHeader("Idempotency-Key"), calls.get(1).getHeader("Idempotency-Key"),
                    "under the same key, so the gateway drops the repeat");
            JsonNode view = client.awaitStage(id, "followed_up", Duration.ofSeconds(60));
            assertEquals("followed_up", view.at("/loop/stage").asText(), view.toString());
            assertEquals(1, topics.settle(LoopTopics.FOLLOWUP_SENT, r -> id.equals(r.key()), Duration.ofSeconds(3)).size());
            assertEquals(2, awaitCalls(3).size(), "no third hand-over");
        }
        HttpResponse<String> history = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                stack.service("closeloop-notifier").baseUrl() + "/api/v1/followups?feedbackId=" + id))
                        .header("Authorization", "Bearer " + stack.adminAccessToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, history.statusCode(), history.body());
        JsonNode message = LoopClient.JSON.readTree(history.body()).get(0);
        assertEquals("sent", message.get("status").asText(), history.body());
        assertEquals("sms", message.get("channel").asText());
        assertEquals(2, message.get("attempts").asInt());
        assertEquals("gw-1", message.get("providerMessageId").asText());
        assertEquals(message.get("id").asText(), gateway.findAll(postRequestedFor(urlEqualTo(SMS))).get(0)
                .getHeader("Idempotency-Key"));
    }

    private static List<LoggedRequest> awaitCalls(int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(count > 2 ? 2 : 60);
        List<LoggedRequest> calls = gateway.findAll(postRequestedFor(urlEqualTo(SMS)));
        while (calls.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            calls = gateway.findAll(postRequestedFor(urlEqualTo(SMS)));
        }
        return calls;
    }
}
