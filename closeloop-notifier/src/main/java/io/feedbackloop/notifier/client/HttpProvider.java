package io.feedbackloop.notifier.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.notifier.service.ProviderException;

/**
 * Posts JSON to an HTTP provider and sorts its answer: 2xx (and 409, "already have it" for a
 * repeated idempotency key) is taken; 408, 425, 429 and 5xx are worth retrying (after
 * {@code Retry-After} if given); any other 4xx is permanent.
 */
final class HttpProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String name;

    HttpProvider(String name, Duration timeout) {
        this.name = name;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** @return the provider's message id from the response body ({@code id} or {@code messageId}), if any */
    String post(String url, String body, Map<String, String> headers, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderException(name + " unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? " " + e.getMessage() : ""), false, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(name + " call interrupted", false, null);
        }
        int status = response.statusCode();
        if (status / 100 == 2 || status == 409) {
            return messageId(response.body());
        }
        boolean retryable = status == 408 || status == 425 || status == 429 || status >= 500;
        throw new ProviderException(name + " answered " + status + ": " + excerpt(response.body()), !retryable,
                retryAfter(response));
    }

    private static String messageId(String body) {
        try {
            JsonNode json = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (json == null || !json.isObject()) {
                return null;
            }
            JsonNode id = json.hasNonNull("id") ? json.get("id") : json.get("messageId");
            return id == null || id.isNull() ? null : id.asText();
        } catch (IOException e) {
            return null;   // accepted; the provider just did not say how it calls the message
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofSeconds(Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
