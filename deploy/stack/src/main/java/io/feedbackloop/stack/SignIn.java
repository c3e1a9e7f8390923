package io.feedbackloop.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Signs a person in at feedback-action's built-in issuer ({@code POST /auth/token}, OAuth2 password
 * grant) and returns the access token, as a script or the console would.
 */
public final class SignIn {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SignIn() {
    }

    public static String accessToken(String actionUrl, String email, String password) {
        String form = "grant_type=password&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(actionUrl + "/auth/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("signing in as " + email + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return new ObjectMapper().readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach feedback-action's token endpoint", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
