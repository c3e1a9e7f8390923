package io.feedbackloop.notifier;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.feedbackloop.stack.KafkaBroker;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.LoopTopics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Creates {@code customer.contact.v1} and its dead-letter topic on the test broker and lets the
 * notifier's principal read the one and write the other, as production will grant it.
 *
 * <p>TODO(lead): remove once deploy/stack's {@code LoopTopics} and {@code KafkaAccess} name the topic
 * (the broker then creates it and grants this itself; granting twice is harmless meanwhile).
 */
public class ContactTopicAccess implements QuarkusTestResourceLifecycleManager {

    private static final String TOPIC = "customer.contact.v1";
    private static final String PRINCIPAL = "User:closeloop-notifier";

    @Override
    public Map<String, String> start() {
        KafkaBroker broker = LoopTestResource.broker();
        broker.createTopics(List.of(TOPIC, TOPIC + ".dlq"), LoopTopics.PARTITIONS);
        try (Admin admin = Admin.create(KafkaBroker.superUserClient(broker.bootstrapServers()))) {
            admin.createAcls(List.of(allow(TOPIC, AclOperation.READ), allow(TOPIC + ".dlq", AclOperation.WRITE)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot grant the notifier " + TOPIC, e);
        }
        return Map.of();
    }

    private static AclBinding allow(String topic, AclOperation operation) {
        return new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                new AccessControlEntry(PRINCIPAL, "*", operation, AclPermissionType.ALLOW));
    }

    /** After {@link LoopTestResource}, whose broker it uses. */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public void stop() {
    }
}
