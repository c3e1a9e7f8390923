package io.feedbackloop.console.backend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.feedbackloop.console.ConsoleConfig;

/**
 * The console's only way to the services: their REST APIs, called with the signed-in person's
 * access token, so that every service decides for itself what this person may see and do. Errors
 * come back as {@link BackendException}: the page decides how to show them.
 */
@ApplicationScoped
public class Backend {

    private final HttpClient http;
    private final ObjectMapper json;
    private final ConsoleConfig config;

    public Backend(ConsoleConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.backends().timeout())
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** A GET whose answer is read later: the case page asks five services at once. */
    public CompletableFuture<JsonNode> getAsync(String bearer, Service service, String path, Query query) {
        HttpRequest request = request(bearer, service, path + query).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> answer(service, response, failure));
    }

    public JsonNode get(String bearer, Service service, String path, Query query) {
        return await(getAsync(bearer, service, path, query));
    }

    public <T> T get(String bearer, Service service, String path, Query query, Class<T> type) {
        return convert(get(bearer, service, path, query), type);
    }

    /** POST, PUT or DELETE with a JSON body (or none); {@code ifMatch} is the version the person saw, or null. */
    public JsonNode send(String bearer, String method, Service service, String path, Object body, String ifMatch) {
        HttpRequest.Builder request = request(bearer, service, path);
        if (ifMatch != null) {
            request.header("If-Match", "\"" + ifMatch + "\"");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return await(http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> answer(service, response, failure)));
    }

    /** A form POST to a service without a person's token: signing in, refreshing. */
    public JsonNode postForm(Service service, String path, String form, String bearer, String forwardedFor) {
        return postForm(uri(service, path), service, form, bearer, forwardedFor);
    }

    /** A form POST to any URL (an OpenID provider's token endpoint). */
    public JsonNode postForm(URI target, Service service, String form, String bearer, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(config.backends().timeout())
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return await(http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> answer(service, response, failure)));
    }

    public <T> T convert(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new BackendException(type.getSimpleName(), 502, null, "unreadable answer: " + e.getOriginalMessage());
        }
    }

    public static JsonNode await(CompletableFuture<JsonNode> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof BackendException backend) {
                throw backend;
            }
            throw e;
        }
    }

    private HttpRequest.Builder request(String bearer, Service service, String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(service, pathAndQuery))
                .timeout(config.backends().timeout()).header("Accept", "application/json");
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    public URI uri(Service service, String pathAndQuery) {
        String base = switch (service) {
            case INGEST -> config.backends().ingest();
            case CATEGORIZE -> config.backends().categorize();
            case ACTION -> config.backends().action();
            case NOTIFIER -> config.backends().notifier();
        };
        return URI.create(base.replaceAll("/+$", "") + pathAndQuery);
    }

    private JsonNode answer(Service service, HttpResponse<String> response, Throwable failure) {
        String name = service.name().toLowerCase(java.util.Locale.ROOT);
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            throw new BackendException(name, 0, null, name + " unreachable: " + cause.getClass().getSimpleName());
        }
        JsonNode body = read(response.body());
        if (response.statusCode() >= 400) {
            throw new BackendException(name, response.statusCode(), body, name + " answered " + response.statusCode());
        }
        return body;
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
