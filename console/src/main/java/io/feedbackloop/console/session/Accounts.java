package io.feedbackloop.console.session;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackloop.console.ConsoleConfig;
import io.feedbackloop.console.backend.Backend;
import io.feedbackloop.console.backend.BackendException;
import io.feedbackloop.console.backend.Query;
import io.feedbackloop.console.backend.Service;

/** Signing in and out at feedback-action, the issuer of everybody's tokens. */
@ApplicationScoped
public class Accounts {

    private final Backend backend;
    private final Sessions sessions;
    private final Clock clock;
    private final URI tokenUrl;
    private final URI logoutUrl;
    private final String clientId;

    public Accounts(Backend backend, Sessions sessions, Clock clock, ConsoleConfig config) {
        this.backend = backend;
        this.sessions = sessions;
        this.clock = clock;
        this.tokenUrl = config.auth().tokenUrl().map(URI::create).orElse(backend.uri(Service.ACTION, "/auth/token"));
        this.logoutUrl = config.auth().logoutUrl().map(URI::create).orElse(backend.uri(Service.ACTION, "/auth/logout"));
        this.clientId = config.auth().clientId().map(id -> "&client_id=" + encode(id)).orElse("");
    }

    /**
     * @param clientAddress the browser's address, passed on so that the issuer throttles sign-in
     *                      attempts per person's address, not per console
     * @throws BackendException 400 for a wrong email or password, 429 when throttled
     */
    public Session signIn(String email, String password, String clientAddress) {
        JsonNode tokens = backend.postForm(tokenUrl, Service.ACTION, "grant_type=password&username="
                + encode(email) + "&password=" + encode(password) + clientId, null, clientAddress);
        Session.Tokens issued = tokens(tokens);
        JsonNode me = backend.get(issued.accessToken(), Service.ACTION, "/api/v1/me", Query.of());
        Person person = new Person(me.path("email").asText(), me.path("name").asText(null),
                strings(me.path("roles")), strings(me.path("teams")));
        return sessions.open(person, issued);
    }

    /** New tokens for a refresh token; a refused one means the sign-in is over (revoked, expired, reused). */
    public Session.Tokens refresh(String refreshToken) {
        try {
            return tokens(backend.postForm(tokenUrl, Service.ACTION,
                    "grant_type=refresh_token&refresh_token=" + encode(refreshToken) + clientId, null, null));
        } catch (BackendException e) {
            if (e.unreachable()) {
                throw e;
            }
            throw new SignedOutException("refresh refused: " + e.status());
        }
    }

    /** Revokes the sign-in at the issuer (best effort: the session is gone here either way). */
    public void signOut(Session session) {
        sessions.close(session);
        try {
            backend.postForm(logoutUrl, Service.ACTION, "refresh_token=" + encode(session.refreshToken()) + clientId,
                    session.accessToken(), null);
        } catch (BackendException alreadyInvalid) {
            // an expired access token cannot log out; its refresh token dies with its lifetime
        }
    }

    private Session.Tokens tokens(JsonNode answer) {
        return new Session.Tokens(answer.path("access_token").asText(), answer.path("refresh_token").asText(),
                clock.instant().plusSeconds(answer.path("expires_in").asLong(60)));
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return Set.copyOf(out);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
