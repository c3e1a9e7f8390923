package io.feedbackloop.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.feedbackloop.stack.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far each service's consumer group is behind the end of the topics it reads. */
final class ConsumerLag {

    static final List<String> GROUPS = List.of("feedback-ingest", "feedback-categorize", "feedback-action",
            "closeloop-notifier");

    /** Records not yet consumed, per consumer group of the four services. */
    static Map<String, Long> byGroup(String bootstrapServers) throws Exception {
        Properties props = KafkaBroker.superUserClient(bootstrapServers);
        Map<String, Long> lagByGroup = new LinkedHashMap<>();
        try (Admin admin = Admin.create(props)) {
            for (String group : GROUPS) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
                long lag = 0;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> c : committed.entrySet()) {
                    if (c.getValue() != null) {
                        lag += ends.get(c.getKey()).offset() - c.getValue().offset();
                    }
                }
                lagByGroup.put(group, lag);
            }
        }
        return lagByGroup;
    }

    static boolean isZero(String bootstrapServers) throws Exception {
        return byGroup(bootstrapServers).values().stream().allMatch(lag -> lag == 0);
    }

    /** @return whether every group caught up within the limit */
    static boolean awaitZero(String bootstrapServers, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!isZero(bootstrapServers)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1000);
        }
        return true;
    }

    private ConsumerLag() {
    }
}
