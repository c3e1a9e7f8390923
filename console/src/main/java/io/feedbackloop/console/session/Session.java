package io.feedbackloop.console.session;

import java.time.Instant;

/**
 * One person's sign-in, kept on the server: the browser holds only a random id. The tokens never
 * reach the browser, and refreshing is serialized per session, because feedback-action treats a
 * refresh token presented twice as stolen and revokes the whole sign-in (a page load and the inbox's
 * poll arriving together would otherwise do exactly that).
 */
public final class Session {

    private final String id;
    private final Person person;
    private String accessToken;
    private String refreshToken;
    private Instant accessExpiresAt;
    private volatile Instant lastSeen;
    private volatile Notice notice;

    /** A one-time message for the next page: what just happened, or why it did not. */
    public record Notice(boolean error, String text) {
    }

    /** What the issuer answered to a sign-in or a refresh. */
    public record Tokens(String accessToken, String refreshToken, Instant accessExpiresAt) {
    }

    /** Exchanges a refresh token for new tokens; throws when the sign-in is over. */
    public interface Refresher {
        Tokens refresh(String refreshToken);
    }

    Session(String id, Person person, Tokens tokens, Instant now) {
        this.id = id;
        this.person = person;
        this.lastSeen = now;
        take(tokens);
    }

    public String id() {
        return id;
    }

    public Person person() {
        return person;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void touch(Instant now) {
        lastSeen = now;
    }

    /** The access token to call a service with, refreshed first when it is about to expire. */
    public synchronized String bearer(Instant now, java.time.Duration ahead, Refresher refresher) {
        if (accessExpiresAt.minus(ahead).isBefore(now)) {
            take(refresher.refresh(refreshToken));
        }
        return accessToken;
    }

    synchronized String refreshToken() {
        return refreshToken;
    }

    synchronized String accessToken() {
        return accessToken;
    }

    private void take(Tokens tokens) {
        accessToken = tokens.accessToken();
        refreshToken = tokens.refreshToken();
        accessExpiresAt = tokens.accessExpiresAt();
    }

    public void notice(boolean error, String text) {
        notice = new Notice(error, text);
    }

    /** The pending notice, once. */
    public Notice takeNotice() {
        Notice pending = notice;
        notice = null;
        return pending;
    }
}
