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
                new Setting("KAFKA_BOOTSTRAP_SERVERS", Kind.PLAIN, "Kafka brokers")));
        switch (module) {
            case "feedback-ingest" -> settings.add(new Setting("INGEST_ADMIN_TOKEN", Kind.SECRET,
                    "manages channel keys, surveys and erasures"));
            case "feedback-action" -> settings.add(new Setting("ACTION_ADMIN_TOKEN", Kind.SECRET,
                    "sets up teams, members and rules"));
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
