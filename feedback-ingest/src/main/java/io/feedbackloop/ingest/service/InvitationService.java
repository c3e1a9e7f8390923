package io.feedbackloop.ingest.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.feedbackloop.ingest.config.IngestConfig;
import io.feedbackloop.ingest.model.CustomerContact;
import io.feedbackloop.ingest.repository.Feedback;
import io.feedbackloop.ingest.repository.Invitation;
import io.feedbackloop.ingest.repository.Survey;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Decides whether to ask a customer to answer a survey, for business systems calling the REST API
 * and for business events alike. The contact-frequency rule: a customer asked (invited to any
 * survey) within the last N days is not asked again; N is the survey's own setting, else
 * {@code ingest.contact-frequency-days}. Reminders of an invitation are exempt. Every decision is
 * stored, a "no" as a skipped invitation that is never retried.
 */
@ApplicationScoped
@Transactional
public class InvitationService {

    /** Namespaces of the two-key advisory locks below (apart from the outbox relay's one-key lock). */
    private static final int EVENT_LOCK = 0x1E5E;
    private static final int CUSTOMER_LOCK = 0x1C05;

    /** The answer to an invitation request; {@code replayed} when its event id had already been decided. */
    public record Decision(InvitationWithAnswer invitation, boolean replayed) {
    }

    @Inject
    IngestConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    OutgoingEvents events;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    /**
     * For {@code POST /api/v1/invitations}: an unknown survey or a wrong reminder is the caller's
     * mistake. A channel's invitation belongs to that channel: its event ids and reminders are
     * its own.
     */
    public Decision invite(Caller caller, String surveyId, CustomerContact customer, String touchpoint,
                           UUID reminderOf, String eventId) {
        Survey survey = Survey.findById(surveyId);
        if (survey == null) {
            throw invalid("surveyId", "exists", "is not a known survey");
        }
        return decide(caller.isChannel() ? caller.channel() : null, survey, customer, touchpoint, reminderOf,
                eventId);
    }

    /**
     * The survey a business event asks for: the one it names, else the first created survey that
     * lists its touchpoint. Empty when it names an unknown survey, or no survey lists the touchpoint.
     */
    public Optional<Survey> surveyFor(String surveyId, String touchpoint) {
        if (surveyId != null) {
            return Survey.findByIdOptional(surveyId);
        }
        List<?> ids = entityManager.createNativeQuery("""
                SELECT id FROM survey WHERE touchpoints @> ARRAY[CAST(?1 AS text)]
                ORDER BY created_at, id LIMIT 1""").setParameter(1, touchpoint).getResultList();
        return ids.isEmpty() ? Optional.empty() : Survey.findByIdOptional((String) ids.get(0));
    }

    /**
     * For a {@code touchpoint.completed.v1} event, inside the consumer's transaction (which also
     * records the event as processed).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Invitation inviteOnEvent(Survey survey, CustomerContact customer, String touchpoint, String eventId) {
        return decide(null, survey, customer, touchpoint, null, eventId).invitation().invitation();
    }

    /** Another channel's invitation is "not found" for a channel key: its existence is not disclosed. */
    public InvitationWithAnswer find(Caller caller, UUID id) {
        Invitation invitation = Invitation.findById(id);
        if (invitation == null || !visibleTo(caller, invitation)) {
            throw ProblemException.notFound("invitation", id);
        }
        return withAnswer(invitation);
    }

    private static boolean visibleTo(Caller caller, Invitation invitation) {
        return caller.isChannel() ? caller.channel().equals(invitation.channel) : caller.readsEverything();
    }

    private Decision decide(String channel, Survey survey, CustomerContact customer, String touchpoint,
                            UUID reminderOf, String eventId) {
        if (eventId != null) {
            // the same business event twice (a retried call, a resent event) gets the first decision;
            // the lock makes two concurrent deliveries wait for each other instead of both inserting
            lock(EVENT_LOCK, (channel == null ? "" : channel) + "/" + eventId);
            Invitation first = Invitation.byEventId(channel, eventId);
            if (first != null) {
                return new Decision(withAnswer(first), true);
            }
        }
        String customerId = customer.id().trim();
        // two business events of one customer at the same moment must not both pass the
        // contact-frequency check: decisions about one customer are taken one at a time
        lock(CUSTOMER_LOCK, customerId);
        Invitation original = reminderOf == null ? null : original(channel, reminderOf, survey, customerId);
        // the database keeps microseconds: answer with the instant as it is stored
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.surveyId = survey.id;
        invitation.customerId = customerId;
        invitation.customerEmail = blankToNull(customer.email());
        invitation.customerPhone = blankToNull(customer.phone());
        invitation.customerName = blankToNull(customer.name());
        invitation.customerSegment = blankToNull(customer.segment());
        invitation.customerLocale = blankToNull(customer.locale());
        invitation.touchpoint = blankToNull(touchpoint);
        invitation.channel = channel;
        invitation.eventId = eventId;
        invitation.createdAt = now;
        invitation.status = Invitation.INVITED;
        if (original != null) {
            invitation.reminderOf = original.id;
        } else {
            Instant lastInvitedAt = lastInvitedWithin(customerId, contactFrequencyDays(survey), now);
            if (lastInvitedAt != null) {
                invitation.status = Invitation.SKIPPED;
                invitation.reason = Invitation.CONTACT_FREQUENCY;
                invitation.lastInvitedAt = lastInvitedAt;
            }
        }
        invitation.persist();
        if (Invitation.INVITED.equals(invitation.status)) {
            events.surveyInvited(invitation, survey);
        }
        // three outcomes, no personal data: a safe metric label
        registry.counter("survey.invitations", "outcome", invitation.isReminder() ? "reminder" : invitation.status)
                .increment();
        return new Decision(withAnswer(invitation), false);
    }

    private int contactFrequencyDays(Survey survey) {
        return survey.contactFrequencyDays != null ? survey.contactFrequencyDays : config.contactFrequencyDays();
    }

    /**
     * When the customer was last asked within the window, for any survey: invitations that went
     * out, reminders excepted (they follow up on an ask, they are not a new one). Null if not
     * asked, or if the window is 0 days (no limit).
     */
    private Instant lastInvitedWithin(String customerId, int days, Instant now) {
        if (days <= 0) {
            return null;
        }
        return entityManager.createQuery("""
                        SELECT max(i.createdAt) FROM Invitation i
                        WHERE i.customerId = ?1 AND i.status = ?2 AND i.reminderOf IS NULL AND i.createdAt > ?3""",
                        Instant.class)
                .setParameter(1, customerId).setParameter(2, Invitation.INVITED)
                .setParameter(3, now.minus(Duration.ofDays(days))).getSingleResult();
    }

    /**
     * The invitation a reminder follows up on. A reminder of a reminder follows up on the same
     * original, so that its answer counts for that original.
     */
    private static Invitation original(String channel, UUID reminderOf, Survey survey, String customerId) {
        Invitation invitation = Invitation.findById(reminderOf);
        // a channel reminds of its own invitations only; an administrator of any
        if (invitation == null || channel != null && !channel.equals(invitation.channel)) {
            throw invalid("reminderOf", "exists", "is not a known invitation");
        }
        Invitation original = invitation.isReminder() ? Invitation.findById(invitation.reminderOf) : invitation;
        if (!Invitation.INVITED.equals(original.status) || !original.surveyId.equals(survey.id)
                || !original.customerId.equals(customerId)) {
            throw invalid("reminderOf", "reminder",
                    "must be an invitation that went out to the same customer for the same survey");
        }
        return original;
    }

    private void lock(int namespace, String key) {
        entityManager.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, namespace).setParameter(2, key).getSingleResult();
    }

    /** The invitation with its answer: the first feedback naming it, or naming one of its reminders. */
    private InvitationWithAnswer withAnswer(Invitation i) {
        UUID ask = i.isReminder() ? i.reminderOf : i.id;
        List<Feedback> answers = entityManager.createQuery("""
                        FROM Feedback f WHERE f.invitationId IN
                            (SELECT i.id FROM Invitation i WHERE i.id = ?1 OR i.reminderOf = ?1)
                        ORDER BY f.respondedAt, f.receivedAt, f.id""", Feedback.class)
                .setParameter(1, ask).setMaxResults(1).getResultList();
        return new InvitationWithAnswer(i, answers.isEmpty() ? null : answers.get(0));
    }

    private static ProblemException invalid(String field, String rule, String message) {
        return new ProblemException(Problem.invalid(List.of(new Problem.Violation(field, rule, message))));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
