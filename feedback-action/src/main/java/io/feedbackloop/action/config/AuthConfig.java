package io.feedbackloop.action.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The built-in issuer ({@code auth.*}): who the first administrator is, how tokens are signed and how long they live. */
@ConfigMapping(prefix = "auth")
public interface AuthConfig {

    Admin admin();

    Issuer issuer();

    SignIn signIn();

    /** The administrator seeded at the first start; no defaults (AUTH_ADMIN_EMAIL, AUTH_ADMIN_PASSWORD). */
    interface Admin {

        Optional<String> email();

        Optional<String> password();
    }

    interface Issuer {

        /** A PEM private key (file or class path). Without one a key is generated once and kept in the database. */
        Optional<String> signingKeyLocation();

        @WithDefault("PT15M")
        Duration accessTokenLifetime();

        /** How long a sign-in lasts without a password, refreshed every 15 minutes. */
        @WithDefault("P7D")
        Duration refreshTokenLifetime();
    }

    /** Guessing passwords is slowed down per email and per client address. */
    interface SignIn {

        @WithDefault("5")
        long attemptsPerUsername();

        @WithDefault("30")
        long attemptsPerAddress();

        @WithDefault("PT5M")
        Duration period();

        /**
         * The proxies (IP addresses, no ranges) in front of this service whose {@code X-Forwarded-For}
         * names the client: a sign-in that comes directly from one of them counts against the last
         * address of that header (the one the proxy itself added); any other sign-in against its peer
         * address. Default none: the header is ignored and every peer is a client.
         */
        Optional<List<String>> trustedProxies();
    }
}
