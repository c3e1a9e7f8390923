package io.feedbackloop.looptests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a support channel does: post feedback to feedback-ingest and look it up. */
final class LoopClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            // HTTP/1.1 as curl and most clients speak it: a hostile request ends its connection, not an h2c session
            .version(HttpClient.Version.HTTP_1_1).build();

    private final String ingestUrl;
    private final String apiKey;

    LoopClient(String ingestUrl, String apiKey) {
        this.ingestUrl = ingestUrl;
        this.apiKey = apiKey;
    }

    /** Posts one feedback; returns the answer's status and body. */
    HttpResponse<String> submit(String email, String name, String locale, int npsScore, String text)
            throws IOException, InterruptedException {
        String body = JSON.createObjectNode()
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("customer", JSON.createObjectNode()
                        .put("id", "c-" + email.hashCode()).put("email", email).put("name", name).put("locale", locale))
                .put("channel", "web").put("npsScore", npsScore).put("text", text).toString();
        return submit(body);
    }

    /** Posts one feedback given as JSON; returns the answer's status and body. */
    HttpResponse<String> submit(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/api/v1/feedback"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    JsonNode feedback(String id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/api/v1/feedback/" + id))
                .timeout(Duration.ofSeconds(10)).header("X-Api-Key", apiKey).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET feedback " + id + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    /** Polls until the feedback's loop stage is {@code stage}; returns the last view seen. */
    JsonNode awaitStage(String id, String stage, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode view = feedback(id);
        while (!stage.equals(view.at("/loop/stage").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            view = feedback(id);
        }
        return view;
    }
}
