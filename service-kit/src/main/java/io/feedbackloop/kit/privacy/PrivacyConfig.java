package io.feedbackloop.kit.privacy;

import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service seals and opens personal data (see the README's Privacy section). */
@ConfigMapping(prefix = "privacy")
public interface PrivacyConfig {

    /** Keys the pseudonyms; the same in every service (PRIVACY_PSEUDONYM_SECRET). */
    String pseudonymSecret();

    /** Wraps the customers' data keys: 32 random bytes, base64, the same in every service (PRIVACY_MASTER_KEY). */
    String masterKey();

    /** Whether this service creates customers' keys and publishes them (feedback-ingest); the others learn them. */
    @WithDefault("false")
    boolean keyOwner();

    /**
     * Whether personal fields are sealed on the way out. Off only in a service's own test profile,
     * whose tests read its events in the clear; the loop tests run every service sealed.
     */
    @WithDefault("true")
    boolean sealEvents();

    /** Per topic this service publishes: where the customer id is and which text fields are personal. */
    Map<String, PersonalData> personalData();

    interface PersonalData {

        /** JSON pointer to the customer id the event is about. */
        @WithDefault("/customer/id")
        String customer();

        /** Paths of the personal text fields ({@code *} for every element or field). */
        List<String> fields();
    }
}
