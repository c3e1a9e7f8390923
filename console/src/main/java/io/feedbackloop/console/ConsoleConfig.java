package io.feedbackloop.console;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the four services are and how the console keeps people signed in. */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    Backends backends();

    Session session();

    Auth auth();

    /**
     * Where people sign in. By default feedback-action's own issuer ({@code <action>/auth/token});
     * a deployment with the company's OpenID provider (Keycloak) points these at its token and
     * logout endpoints and names the public client.
     */
    interface Auth {
        Optional<String> tokenUrl();

        Optional<String> logoutUrl();

        Optional<String> clientId();
    }

    /** Base URLs of the services' REST APIs (the console never touches their databases or topics). */
    interface Backends {
        String ingest();

        String categorize();

        String action();

        String notifier();

        /** How long one call may take before the page says the service is unavailable. */
        @WithDefault("PT10S")
        Duration timeout();
    }

    interface Session {
        /** A session unused this long is forgotten (the person signs in again). */
        @WithDefault("PT8H")
        Duration idleTimeout();

        /**
         * Cookies carry {@code Secure} unless this is false: only for the local run and tests on
         * plain http://127.0.0.1, where a browser would drop a Secure cookie.
         */
        @WithDefault("true")
        boolean secureCookies();

        /** Refresh the access token when it has less than this left, so that a page never fails halfway. */
        @WithDefault("PT30S")
        Duration refreshAhead();

        /** The time zone shown before the browser has told us its own. */
        @WithDefault("UTC")
        String defaultTimeZone();

        Optional<String> cookieDomain();
    }
}
