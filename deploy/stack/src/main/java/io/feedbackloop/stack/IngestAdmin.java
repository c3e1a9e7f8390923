package io.feedbackloop.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Issues channel API keys through feedback-ingest's admin API, as an operator would (with an admin's access token). */
public final class IngestAdmin {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private IngestAdmin() {
    }

    public static String issueKey(String ingestUrl, String adminAccessToken, String channel) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/api/v1/admin/channels/" + channel + "/keys"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + adminAccessToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"loop-stack\"}")).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("issuing a " + channel + " key answered " + response.statusCode()
                        + ": " + response.body());
            }
            return new ObjectMapper().readTree(response.body()).get("key").asText();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach feedback-ingest's admin API", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
