package io.feedbackloop.kit.messaging;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An event waiting in the outbox (or already relayed, when {@code sentAt} is set). */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** Order of writing: the relay sends in this order, which keeps one feedback's events in order. */
    @Id
    @SequenceGenerator(name = "outbox_event_sequence", sequenceName = "outbox_event_sequence_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_event_sequence")
    public Long sequence;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "record_key", nullable = false)
    public String recordKey;

    /** The keyed pseudonym of the customer the event is about, if any: an erasure drops it while unsent. */
    @Column(name = "customer_ref")
    public String customerRef;

    public String subject;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** W3C trace context of the publishing span, sent as the {@code traceparent} header. */
    @Column(name = "trace_parent")
    public String traceParent;
}
