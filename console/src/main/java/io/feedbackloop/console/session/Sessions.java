package io.feedbackloop.console.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.feedbackloop.console.ConsoleConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * The sign-ins this console holds, in memory: a restart signs everybody out (they sign in again),
 * and the console runs as one replica. Sessions idle longer than the configured time are forgotten.
 */
@ApplicationScoped
public class Sessions {


    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final ConsoleConfig config;
    private final Clock clock;

    public Sessions(ConsoleConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public Session open(Person person, Session.Tokens tokens) {
        Session session = new Session(Tokens.random(), person, tokens, clock.instant());
        byId.put(session.id(), session);
        return session;
    }

    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = byId.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (session.lastSeen().plus(config.session().idleTimeout()).isBefore(now)) {
            byId.remove(id);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    public void close(Session session) {
        byId.remove(session.id());
    }

    public int count() {
        return byId.size();
    }

    @Scheduled(every = "5m", delayed = "5m")
    void forgetIdle() {
        Instant cutoff = clock.instant().minus(config.session().idleTimeout());
        byId.values().removeIf(s -> s.lastSeen().isBefore(cutoff));
    }

}
