package io.feedbackloop.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.feedbackloop.stack.LoopTopics.ACTION_OPENED;
import static io.feedbackloop.stack.LoopTopics.ACTION_RESOLVED;
import static io.feedbackloop.stack.LoopTopics.ACTION_UPDATED;
import static io.feedbackloop.stack.LoopTopics.CUSTOMER_CONTACT;
import static io.feedbackloop.stack.LoopTopics.CUSTOMER_ERASED;
import static io.feedbackloop.stack.LoopTopics.CUSTOMER_KEYS;
import static io.feedbackloop.stack.LoopTopics.ERASURE_CONFIRMED;
import static io.feedbackloop.stack.LoopTopics.FEEDBACK_CATEGORIZED;
import static io.feedbackloop.stack.LoopTopics.FEEDBACK_COMMENTED;
import static io.feedbackloop.stack.LoopTopics.FEEDBACK_RECATEGORIZED;
import static io.feedbackloop.stack.LoopTopics.FEEDBACK_RECEIVED;
import static io.feedbackloop.stack.LoopTopics.FOLLOWUP_FAILED;
import static io.feedbackloop.stack.LoopTopics.FOLLOWUP_SENT;
import static io.feedbackloop.stack.LoopTopics.IMPROVEMENT_ANNOUNCED;
import static io.feedbackloop.stack.LoopTopics.SURVEY_INVITED;
import static io.feedbackloop.stack.LoopTopics.TOUCHPOINT_COMPLETED;

/**
 * Who may do what on the loop's broker. Each service is a Kafka principal of its own (its module
 * name) that writes only the topics it owns plus the dead-letter twins of what it reads, reads only
 * what it consumes, and commits offsets only in its own consumer group. The local broker
 * ({@link KafkaBroker}) and the Strimzi {@code KafkaUser}s ({@link DeploymentManifests}) both grant
 * exactly this; {@code KafkaAccessContractTest} holds it against each service's
 * {@code application.properties} and AsyncAPI document.
 */
public final class KafkaAccess {

    /** The SASL mechanism every client authenticates with. */
    public static final String MECHANISM = "SCRAM-SHA-512";

    /** One service's grants; its user name and consumer group are both its module name. */
    public record Principal(String service, List<String> owns, List<String> reads) {

        public String user() {
            return service;
        }

        public String group() {
            return service;
        }

        /** What it owns, and the dead-letter topic of everything it reads (its consumer writes there). */
        public List<String> writes() {
            List<String> writes = new ArrayList<>(owns);
            reads.forEach(topic -> writes.add(topic + ".dlq"));
            return writes;
        }
    }

    public static final List<Principal> PRINCIPALS = List.of(
            new Principal("feedback-ingest",
                    List.of(FEEDBACK_RECEIVED, FEEDBACK_COMMENTED, SURVEY_INVITED, CUSTOMER_CONTACT, CUSTOMER_ERASED,
                            CUSTOMER_KEYS),
                    List.of(FEEDBACK_CATEGORIZED, ACTION_OPENED, ACTION_RESOLVED, FOLLOWUP_SENT, FOLLOWUP_FAILED,
                            TOUCHPOINT_COMPLETED, ERASURE_CONFIRMED)),
            new Principal("feedback-categorize",
                    List.of(FEEDBACK_CATEGORIZED, FEEDBACK_RECATEGORIZED, ERASURE_CONFIRMED),
                    List.of(FEEDBACK_RECEIVED, FEEDBACK_COMMENTED, CUSTOMER_ERASED, CUSTOMER_KEYS)),
            new Principal("feedback-action",
                    List.of(ACTION_OPENED, ACTION_UPDATED, ACTION_RESOLVED, IMPROVEMENT_ANNOUNCED, ERASURE_CONFIRMED),
                    List.of(FEEDBACK_CATEGORIZED, FEEDBACK_RECATEGORIZED, FOLLOWUP_SENT, CUSTOMER_ERASED, CUSTOMER_KEYS)),
            new Principal("closeloop-notifier",
                    List.of(FOLLOWUP_SENT, FOLLOWUP_FAILED, ERASURE_CONFIRMED),
                    List.of(FEEDBACK_CATEGORIZED, ACTION_OPENED, ACTION_UPDATED, ACTION_RESOLVED, IMPROVEMENT_ANNOUNCED,
                            SURVEY_INVITED, CUSTOMER_CONTACT, CUSTOMER_ERASED, CUSTOMER_KEYS)));

    private KafkaAccess() {
    }

    public static Principal of(String service) {
        return PRINCIPALS.stream().filter(p -> p.service().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Kafka principal for " + service));
    }

    /**
     * Kafka client settings (without the {@code kafka.} prefix Quarkus puts in front) that sign in
     * as this user over SASL/SCRAM on a plaintext loopback listener.
     */
    public static Map<String, String> clientSettings(String user, String password) {
        return Map.of("security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", jaasConfig("org.apache.kafka.common.security.scram.ScramLoginModule", user, password));
    }

    static String jaasConfig(String loginModule, String user, String password) {
        return loginModule + " required username=\"" + user + "\" password=\"" + password + "\";";
    }
}
