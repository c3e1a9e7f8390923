package io.feedbackloop.stack;

import java.util.ArrayList;
import java.util.List;

/**
 * What each service must be given to run anywhere: the local run and the loop tests
 * ({@link LoopStack}), Kubernetes and docker-compose ({@link DeploymentManifests}) all set exactly
 * these, so a setting added here reaches every deployment or fails the manifest check.
 */
public final class ServiceSettings {

    /** A secret never has a value in the repository: it comes from a Kubernetes Secret or the environment. */
    public enum Kind { PLAIN, SECRET }

    public record Setting(String name, Kind kind, String meaning) {
    }

    private ServiceSettings() {
    }

    public static List<Setting> required(String module) {
        List<Setting> settings = new ArrayList<>(List.of(
                new Setting("QUARKUS_DATASOURCE_JDBC_URL", Kind.PLAIN, "the service's own PostgreSQL database"),
                new Setting("QUARKUS_DATASOURCE_USERNAME", Kind.PLAIN, "its database user"),
                new Setting("QUARKUS_DATASOURCE_PASSWORD", Kind.SECRET, "its database password"),
                new Setting("KAFKA_BOOTSTRAP_SERVERS", Kind.PLAIN, "Kafka brokers"),
                new Setting("KAFKA_SECURITY_PROTOCOL", Kind.PLAIN, "how it reaches Kafka (SASL over TLS or plaintext)"),
                new Setting("KAFKA_SASL_MECHANISM", Kind.PLAIN, "how it signs in to Kafka (" + KafkaAccess.MECHANISM + ")"),
                new Setting("KAFKA_SASL_JAAS_CONFIG", Kind.SECRET, "its own Kafka principal and password"),
                new Setting("AUTH_ISSUER", Kind.PLAIN, "the issuer its bearer tokens must name"),
                new Setting("AUTH_JWKS_URL", Kind.PLAIN, "where the issuer publishes its signing keys"),
                new Setting("PRIVACY_PSEUDONYM_SECRET", Kind.SECRET, "keys the pseudonyms of erased customers (the same in every service)"),
                new Setting("PRIVACY_MASTER_KEY", Kind.SECRET, "wraps customers' data keys: 32 random bytes, base64 (the same in every service)")));
        switch (module) {
            case "feedback-action" -> settings.addAll(List.of(
                    new Setting("AUTH_ADMIN_EMAIL", Kind.PLAIN, "the first administrator of the built-in issuer"),
                    new Setting("AUTH_ADMIN_PASSWORD", Kind.SECRET, "that administrator's first password (12+ characters)")));
            case "closeloop-notifier" -> settings.addAll(List.of(
                    new Setting("QUARKUS_MAILER_HOST", Kind.PLAIN, "SMTP server"),
                    new Setting("QUARKUS_MAILER_PORT", Kind.PLAIN, "SMTP port"),
                    new Setting("FOLLOWUP_SIGNING_SECRET", Kind.SECRET, "signs unsubscribe links"),
                    new Setting("FOLLOWUP_PUBLIC_URL", Kind.PLAIN, "where customers reach the notifier")));
            default -> {
            }
        }
        return settings;
    }
}
