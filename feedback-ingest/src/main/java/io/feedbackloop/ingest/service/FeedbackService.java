package io.feedbackloop.ingest.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.feedbackloop.ingest.model.FeedbackFilter;
import io.feedbackloop.ingest.model.LoopStage;
import io.feedbackloop.ingest.model.Metric;
import io.feedbackloop.ingest.model.NewFeedback;
import io.feedbackloop.ingest.repository.Feedback;
import io.feedbackloop.ingest.repository.FeedbackScore;
import io.feedbackloop.ingest.repository.Invitation;
import io.feedbackloop.ingest.repository.LoopStep;
import io.feedbackloop.ingest.repository.MetadataJson;
import io.feedbackloop.kit.listing.KeysetCursor;
import io.feedbackloop.kit.listing.KeysetPage;
import io.feedbackloop.kit.listing.SqlConditions;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Accepts feedback, adds late comments, and answers where in the loop feedback is. */
@ApplicationScoped
@Transactional
public class FeedbackService {

    /** The answer to a submission; {@code replayed} when an idempotent retry found the first one. */
    public record Accepted(StoredFeedback feedback, boolean replayed) {
    }

    @Inject
    OutgoingEvents events;

    @Inject
    MetadataJson metadata;

    @Inject
    Clock clock;

    @Inject
    IdempotencyGuard idempotency;

    @Inject
    MeterRegistry registry;

    /**
     * Stores the feedback and its {@code feedback.received.v1} event in one transaction.
     *
     * @param asSent the request as the channel sent it: a retry under the same idempotency key
     *               (or externalId) must send the same, else it is a conflict
     */
    public Accepted accept(Caller caller, NewFeedback submission, String idempotencyKey, Object asSent) {
        String channel = submission.channel().wireName();
        requireOwnChannel(caller, channel);
        UUID id = UUID.randomUUID();
        String key = IdempotencyGuard.keyFor(idempotencyKey, submission.externalId());
        if (key != null) {
            Optional<UUID> first = idempotency.claim(channel, key, asSent, id);
            if (first.isPresent()) {
                return new Accepted(stored(Feedback.findById(first.get())), true);
            }
        }
        Feedback feedback = store(id, submission);
        return new Accepted(stored(feedback), false);
    }

    /** Stores one feedback with its scores, first loop step and outbox event (no idempotency check). */
    Feedback store(UUID id, NewFeedback s) {
        checkInvitation(s);
        Instant now = clock.instant();
        Feedback feedback = new Feedback();
        feedback.id = id;
        feedback.customerId = s.customer().id().trim();
        feedback.customerEmail = blankToNull(s.customer().email());
        feedback.customerPhone = blankToNull(s.customer().phone());
        feedback.customerName = blankToNull(s.customer().name());
        feedback.customerSegment = blankToNull(s.customer().segment());
        feedback.customerLocale = blankToNull(s.customer().locale());
        feedback.channel = s.channel().wireName();
        Map<Metric, Integer> scores = s.scores();
        feedback.npsScore = scores.get(Metric.NPS);
        feedback.text = blankToNull(s.text());
        feedback.language = s.language();
        feedback.touchpoint = s.touchpoint();
        feedback.journeyStage = s.journeyStage() == null ? null : s.journeyStage().wireName();
        feedback.externalId = blankToNull(s.externalId());
        feedback.invitationId = s.invitationId();
        feedback.respondedAt = s.respondedAt() != null ? s.respondedAt() : now;
        feedback.metadata = metadata.write(s.metadata());
        feedback.receivedAt = now;
        feedback.loopStage = LoopStage.RECEIVED;
        feedback.updatedAt = now;
        feedback.persist();
        List<FeedbackScore> stored = new ArrayList<>();
        scores.forEach((metric, value) -> {
            FeedbackScore score = new FeedbackScore();
            score.feedbackId = id;
            score.metric = metric.wireName();
            score.value = value;
            score.scaleMin = metric.min;
            score.scaleMax = metric.max;
            score.persist();
            stored.add(score);
        });
        recordStep(feedback, LoopStage.RECEIVED, now, "via " + feedback.channel, "received:" + feedback.id);
        events.feedbackReceived(feedback, stored);
        // channel is a closed set of ten values: a safe metric label (no personal data)
        registry.counter("feedback.received", "channel", feedback.channel).increment();
        return feedback;
    }

    /** An answer names the invitation it answers: it must be one we sent, to this customer. */
    private static void checkInvitation(NewFeedback s) {
        if (s.invitationId() == null) {
            return;
        }
        Invitation invitation = Invitation.findById(s.invitationId());
        if (invitation == null || !invitation.customerId.equals(s.customer().id().trim())) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("invitationId", "exists",
                    "is not an invitation sent to this customer"))));
        }
    }

    /**
     * Adds the comment that arrived after the score. Sending the same comment again changes
     * nothing; a different one is a conflict (the customer's words are not overwritten).
     */
    public StoredFeedback comment(Caller caller, UUID id, String comment, String language) {
        Feedback feedback = readable(caller, id);
        requireOwnChannel(caller, feedback.channel);
        String text = comment.trim();
        if (feedback.text != null) {
            if (feedback.text.equals(text)) {
                return stored(feedback);
            }
            throw new ProblemException(Problem.of(409, "already-commented", "Conflict",
                    "feedback " + id + " already has a comment; a response keeps the customer's first words"));
        }
        Instant now = clock.instant();
        feedback.text = text;
        if (language != null) {
            feedback.language = language;
        }
        feedback.commentedAt = now;
        feedback.updatedAt = now;
        events.feedbackCommented(feedback);
        return stored(feedback);
    }

    public StoredFeedback find(Caller caller, UUID id) {
        return stored(readable(caller, id));
    }

    /**
     * Where the feedback is in the loop, for whoever follows it: its channel's key (its own channel's
     * feedback only, as {@link #find}), and any person the endpoint lets in, who works its case or
     * reads across teams. It shows no customer data, so it is not scoped further.
     */
    public FeedbackLoop loop(Caller caller, UUID id) {
        Feedback feedback = Feedback.findById(id);
        if (feedback == null || caller.isChannel() && !caller.channel().equals(feedback.channel)) {
            throw ProblemException.notFound("feedback", id);
        }
        return new FeedbackLoop(feedback.id, feedback.receivedAt, feedback.loopStage, LoopStep.of(feedback.id));
    }

    /** Newest first, keyset-paginated on (receivedAt, id) so pages stay stable while feedback arrives. */
    public KeysetPage<StoredFeedback> list(Caller caller, FeedbackFilter filter, String cursor, int limit) {
        String channel = filter.channel();
        if (caller.isChannel()) {
            if (channel != null && !channel.equals(caller.channel())) {
                throw new ProblemException(Problem.of(403, "wrong-channel", "Forbidden",
                        "this API key can only list feedback of channel '" + caller.channel() + "'"));
            }
            channel = caller.channel();
        }
        SqlConditions where = new SqlConditions()
                .addIfPresent("f.channel = :channel", "channel", channel)
                .addIfPresent("f.receivedAt >= :from", "from", filter.from())
                .addIfPresent("f.receivedAt < :to", "to", filter.to())
                .addIfPresent("f.touchpoint = :touchpoint", "touchpoint", filter.touchpoint())
                .addIfPresent("f.customerId = :customerId", "customerId", filter.customerId());
        if (cursor != null) {
            KeysetCursor position = KeysetCursor.decode(cursor);
            where.add("(f.receivedAt < :cursorAt OR (f.receivedAt = :cursorAt AND f.id < :cursorId))",
                    "cursorAt", position.sortKey()).parameter("cursorId", position.id());
        }
        List<Feedback> rows = where.bind(Panache.getEntityManager()
                .createQuery("FROM Feedback f" + where.where() + " ORDER BY f.receivedAt DESC, f.id DESC",
                        Feedback.class)
                .setMaxResults(KeysetPage.rowsToFetch(limit))).getResultList();
        KeysetPage<Feedback> page = KeysetPage.of(rows, limit, f -> new KeysetCursor(f.receivedAt, f.id));
        List<UUID> ids = page.items().stream().map(f -> f.id).toList();
        Map<UUID, List<FeedbackScore>> scores = ids.isEmpty() ? Map.of()
                : FeedbackScore.<FeedbackScore>list("feedbackId in ?1", ids).stream()
                        .collect(Collectors.groupingBy(s -> s.feedbackId));
        Map<UUID, List<LoopStep>> steps = ids.isEmpty() ? Map.of()
                : LoopStep.<LoopStep>list("feedbackId in ?1 ORDER BY occurredAt, id", ids).stream()
                        .collect(Collectors.groupingBy(s -> s.feedbackId));
        return new KeysetPage<>(page.items().stream().map(f -> new StoredFeedback(f,
                scores.getOrDefault(f.id, List.of()), steps.getOrDefault(f.id, List.of()))).toList(),
                page.nextCursor());
    }

    /** A feedback of another channel is "not found" for a channel key: its existence is not disclosed. */
    private Feedback readable(Caller caller, UUID id) {
        Feedback feedback = Feedback.findById(id);
        if (feedback == null || !caller.canReadChannel(feedback.channel)) {
            throw ProblemException.notFound("feedback", id);
        }
        return feedback;
    }

    /** A channel's key writes for its own channel only; an administrator writes for any. */
    private static void requireOwnChannel(Caller caller, String feedbackChannel) {
        if (caller.isChannel() && !caller.channel().equals(feedbackChannel)) {
            throw new ProblemException(Problem.of(403, "wrong-channel", "Forbidden", "this API key belongs to channel '"
                    + caller.channel() + "' and cannot submit for '" + feedbackChannel + "'"));
        }
    }

    private static StoredFeedback stored(Feedback feedback) {
        return new StoredFeedback(feedback, FeedbackScore.list("feedbackId", feedback.id), LoopStep.of(feedback.id));
    }

    /**
     * Records that the feedback reached a stage. Runs inside the consumer's transaction, which
     * also records the event id, so a redelivered event adds no second step.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordProgress(UUID feedbackId, LoopStage stage, Instant at, String detail, String eventId) {
        Feedback feedback = Feedback.findById(feedbackId);
        if (feedback == null) {
            return false;
        }
        recordStep(feedback, stage, at, detail, eventId);
        if (stage.isAfter(feedback.loopStage)) {
            feedback.loopStage = stage;
            feedback.updatedAt = clock.instant();
        }
        return true;
    }

    private static void recordStep(Feedback feedback, LoopStage stage, Instant at, String detail, String eventId) {
        LoopStep step = new LoopStep();
        step.feedbackId = feedback.id;
        step.stage = stage;
        step.occurredAt = at;
        // the column holds 500 characters; a provider's long error message must not block the consumer
        step.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 497) + "...";
        step.eventId = eventId;
        step.persist();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
