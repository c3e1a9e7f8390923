package io.feedbackloop.categorize;

import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests that talk to this service through its topics: the broker, the database, and a probe on what it announces. */
@QuarkusTestResource(value = LoopTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "categorize"))
abstract class TopicsTestBase {

    protected static TopicProbe topics;

    @BeforeAll
    static void connect() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), FeedbackEvents.CATEGORIZED,
                FeedbackEvents.RECATEGORIZED);
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }
}
