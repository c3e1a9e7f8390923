package io.feedbackloop.action.messaging;

import io.feedbackloop.action.cases.CaseOpener;
import io.feedbackloop.action.events.CategorizedFeedback;
import io.feedbackloop.action.events.FollowUpSent;
import io.feedbackloop.kit.messaging.IdempotentConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The feedback events cases are opened, relabelled and answered by; the rules are the domain's. */
@ApplicationScoped
public class CaseEventsConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    CaseOpener cases;

    @Incoming("feedback-categorized")
    public void onCategorized(ConsumerRecord<String, String> record) {
        consumer.consume(record, CategorizedFeedback.class, "case-opener",
                event -> cases.onCategorized(CategorizationMapper.categorization(event.data())));
    }

    /** Same body as a first categorization, plus what changed; see {@link CaseOpener#onRecategorized}. */
    @Incoming("feedback-recategorized")
    public void onRecategorized(ConsumerRecord<String, String> record) {
        consumer.consume(record, CategorizedFeedback.class, "case-relabeler",
                event -> cases.onRecategorized(CategorizationMapper.categorization(event.data())));
    }

    @Incoming("followup-sent")
    public void onFollowUpSent(ConsumerRecord<String, String> record) {
        consumer.consume(record, FollowUpSent.class, "first-response", event -> {
            FollowUpSent followUp = event.data();
            cases.onCustomerContacted(followUp.caseId(), followUp.feedbackId(), followUp.sentAt());
        });
    }
}
