package io.feedbackloop.notifier.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.privacy.ErasureLedger;
import io.feedbackloop.kit.security.Caller;
import io.feedbackloop.kit.security.Roles;
import io.feedbackloop.kit.tracing.EventTracing;
import io.feedbackloop.notifier.config.FollowUpConfig;
import io.feedbackloop.notifier.model.CustomerContact;
import io.feedbackloop.notifier.model.MessageKind;
import io.feedbackloop.notifier.model.MessageLocale;
import io.feedbackloop.notifier.model.MessageRequest;
import io.feedbackloop.notifier.repository.FollowUp;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/** Queues each message a customer is owed exactly once, and answers what became of them. */
@ApplicationScoped
@Transactional
public class FollowUpService {

    private static final Logger LOG = Logger.getLogger(FollowUpService.class);

    @Inject
    FollowUpDispatcher dispatcher;

    @Inject
    FollowUpEvents events;

    @Inject
    ChannelChooser channels;

    @Inject
    CustomerPreferences preferences;

    @Inject
    SuppressionList suppressions;

    @Inject
    ErasureLedger ledger;

    @Inject
    ContactDirectory contacts;

    @Inject
    FollowUpConfig config;

    @Inject
    Clock clock;

    @Inject
    EventTracing tracing;

    @Inject
    UnsubscribeLinks unsubscribeLinks;

    /** A message whose customer's contact never arrived within {@code followup.contact-wait}. */
    public static final String NO_CONTACT_KNOWN = "no contact known";

    /**
     * Queues what the requests ask for, in the consumer's transaction; a key already taken is skipped.
     * A request about a customer erased before it arrived (topics are not ordered with each other)
     * queues nothing and stores nothing: the erasure ledger is asked in this same transaction. Every
     * message but a survey invitation is addressed from the contact directory; while the contact
     * may still arrive, {@link ContactNotYetKnownException} rolls the transaction back and the
     * event is retried.
     *
     * @param occurredAt when the event that owes the messages happened: how long its contact has been waited for
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(List<MessageRequest> requests, Instant occurredAt) {
        Set<String> erased = ledger.erasedAmong(requests.stream().map(r -> r.customer().id()).filter(Objects::nonNull)
                .distinct().toList());
        for (MessageRequest request : requests) {
            if (erased.contains(request.customer().id())) {
                LOG.infof("%s: the customer was erased before this event arrived; nothing queued", request.idempotencyKey());
                continue;
            }
            queue(request, occurredAt);
        }
    }

    private void queue(MessageRequest request, Instant occurredAt) {
        FollowUp existing = FollowUp.find("idempotencyKey", request.idempotencyKey())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (existing != null) {
            preferences.learnTimeZone(request.customer().id(), request.customer().timeZone());
            if (request.kind() == MessageKind.CASE_ACKNOWLEDGEMENT) {
                upgradeToCaseAcknowledgement(existing, request);
            }
            return;
        }
        Optional<CustomerContact> reached = request.kind().addressedByItsEvent() ? Optional.of(request.customer())
                : contacts.reach(request.customer(), request.feedbackId(), occurredAt);
        if (reached.isPresent()) {
            request = request.to(reached.get());
        }
        preferences.learnTimeZone(request.customer().id(), request.customer().timeZone());
        suppressions.suppressNewAddressesOfOptedOut(request.customer(), preferences.find(request.customer().id()));
        FollowUpConfig.MessageSettings settings = config.messages().get(request.kind().id());
        List<String> preference = request.channel() != null ? List.of(request.channel()) : settings.channels();
        ChannelChooser.Choice choice = reached.isPresent() ? channels.choose(preference, request.customer())
                : new ChannelChooser.Choice(null, NO_CONTACT_KNOWN);
        FollowUp followUp = newFollowUp(request, request.idempotencyKey(),
                choice.channel() != null ? choice.channel() : preference.get(0));
        if (choice.channel() == null) {
            suppress(followUp, choice.refusal());
        } else {
            followUp.persist();
        }
        if (settings.webhook() && config.webhook().url().isPresent()) {
            FollowUp copy = newFollowUp(request, request.idempotencyKey() + ":webhook", ChannelChooser.WEBHOOK);
            copy.recipient = config.webhook().url().get();
            copy.nextAttemptAt = clock.instant();
            copy.persist();
        }
        dispatcher.wakeUpAfterCommit();
    }

    /**
     * A case was opened for feedback whose thanks has not gone out yet: the customer gets the case
     * acknowledgement instead. Once the thanks is being sent or sent, nothing more is sent.
     */
    private void upgradeToCaseAcknowledgement(FollowUp followUp, MessageRequest request) {
        if (!FollowUp.QUEUED.equals(followUp.status) || MessageKind.CASE_ACKNOWLEDGEMENT.id().equals(followUp.kind)) {
            return;
        }
        followUp.kind = request.kind().id();
        followUp.caseId = request.caseId();
        followUp.ownerTeam = request.ownerTeam();
        followUp.respondBy = request.respondBy();
        followUp.details = request.details();
        followUp.triggerEvent = request.kind().topic();
        if (request.quote() != null) {
            followUp.quote = request.quote();
        }
        followUp.nextAttemptAt = request.dueAt();
        dispatcher.wakeUpAfterCommit();
    }

    private FollowUp newFollowUp(MessageRequest request, String key, String channel) {
        Instant now = clock.instant();
        FollowUp f = new FollowUp();
        f.id = UUID.randomUUID();
        f.idempotencyKey = key;
        f.feedbackId = request.feedbackId();
        f.caseId = request.caseId();
        f.referenceId = request.referenceId();
        f.triggerEvent = request.kind().topic();
        f.kind = request.kind().id();
        f.channel = channel;
        f.customerId = request.customer().id();
        f.recipient = request.customer().email();
        f.phone = request.customer().phone();
        f.customerName = request.customer().name();
        f.locale = MessageLocale.of(request.locale());
        f.quote = request.quote();
        f.ownerTeam = request.ownerTeam();
        f.respondBy = request.respondBy();
        f.details = request.details();
        f.status = FollowUp.QUEUED;
        f.nextAttemptAt = request.dueAt();
        f.createdAt = now;
        f.traceParent = tracing.currentTraceparent();
        return f;
    }

    /** Records why nothing is sent and tells the loop, so the feedback does not wait forever. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suppress(FollowUp followUp, String reason) {
        followUp.status = FollowUp.SUPPRESSED;
        followUp.statusReason = reason;
        followUp.failedAt = clock.instant();
        if (!followUp.isPersistent()) {
            followUp.persist();
        }
        events.failed(followUp, FollowUpEvents.SUPPRESSED);
    }

    public List<FollowUp> forFeedback(UUID feedbackId) {
        return FollowUp.forFeedback(feedbackId);
    }

    /** Every message about the feedback, the case, or (both given) about both; oldest first. */
    public List<FollowUp> about(UUID feedbackId, UUID caseId) {
        return caseId == null ? FollowUp.forFeedback(feedbackId) : FollowUp.forCase(caseId, feedbackId);
    }

    /**
     * Leads and admins read every message as it was written, and search them all. An agent reads
     * the messages of the feedback or case they work ({@link #about}), without what would let them
     * act for the customer or reach them: see {@link #bodyForAgent}.
     */
    public static boolean readsWholeRecord(Caller caller) {
        return caller.isAdmin() || caller.has(Roles.LEAD);
    }

    /**
     * The newest messages matching the filters (any may be null), newest first: for leads and admins.
     * An agent must name the feedback or the case instead (400 naming {@code feedbackId}): thanks and
     * invitations carry no team, so a search cannot be scoped to the cases an agent works.
     */
    public List<FollowUp> search(Caller caller, String customerId, String status, String kind, int limit) {
        if (!readsWholeRecord(caller)) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("feedbackId", "required",
                    "an agent lists the messages of one feedback or one case: give feedbackId or caseId"))));
        }
        return search(customerId, status, kind, limit);
    }

    /**
     * A message's text as an agent reads it: the token of the customer's unsubscribe link replaced
     * by {@code <token>}, so that only the customer (or an admin) changes their consent.
     */
    public String bodyForAgent(FollowUp followUp) {
        return unsubscribeLinks.withoutTokens(followUp.body, followUp.customerId);
    }

    /** The newest messages matching the filters (any may be null), newest first. */
    public List<FollowUp> search(String customerId, String status, String kind, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (customerId != null) {
            query.append(" and customerId = :customer");
            parameters.and("customer", customerId);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (kind != null) {
            query.append(" and kind = :kind");
            parameters.and("kind", kind);
        }
        return FollowUp.<FollowUp>find(query.toString(), Sort.descending("createdAt").and("id"), parameters)
                .page(0, limit).list();
    }

    public FollowUp find(UUID id) {
        FollowUp followUp = FollowUp.findById(id);
        if (followUp == null) {
            throw ProblemException.notFound("follow-up", id);
        }
        return followUp;
    }

    /** Ops send a failed message again, e.g. after fixing the provider's credentials. */
    public FollowUp retry(UUID id) {
        FollowUp followUp = FollowUp.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (followUp == null) {
            throw ProblemException.notFound("follow-up", id);
        }
        if (followUp.erasedAt != null) {
            throw new ProblemException(Problem.of(409, "customer-erased", "Customer erased",
                    "follow-up " + id + " was for a customer who has been erased: we no longer know where to send it"));
        }
        if (!FollowUp.FAILED.equals(followUp.status)) {
            throw new ProblemException(Problem.of(409, "not-failed", "Only a failed message can be retried",
                    "follow-up " + id + " is " + followUp.status));
        }
        followUp.status = FollowUp.QUEUED;
        followUp.attempts = 0;
        followUp.failedAt = null;
        followUp.nextAttemptAt = clock.instant();
        dispatcher.wakeUpAfterCommit();
        return followUp;
    }
}
