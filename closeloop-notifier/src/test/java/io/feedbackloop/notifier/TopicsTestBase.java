package io.feedbackloop.notifier;

import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class that publishes upstream events and reads what the notifier tells the loop. */
abstract class TopicsTestBase {

    protected static TopicProbe topics;

    @BeforeAll
    static void connect() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), Events.SENT, Events.FAILED);
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }
}
