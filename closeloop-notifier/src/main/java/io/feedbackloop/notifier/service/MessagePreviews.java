package io.feedbackloop.notifier.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.notifier.config.FollowUpConfig;
import io.feedbackloop.notifier.model.CustomerContact;
import io.feedbackloop.notifier.model.MessageKind;
import io.feedbackloop.notifier.model.MessageLocale;
import io.feedbackloop.notifier.repository.DirectoryContact;
import io.feedbackloop.notifier.repository.FollowUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Messages written before they are sent, with the same templates and {@link MessageComposer} as
 * the dispatcher: sample content for the admins who configure messages, and the message a
 * customer would get now about their feedback, for the agent about to reply. A preview never
 * carries a working unsubscribe link of a real customer: its link is the sample customer's.
 */
@ApplicationScoped
public class MessagePreviews {

    /** Whom the unsubscribe link of every preview names: nobody real. */
    public static final String SAMPLE_CUSTOMER = "preview-customer";

    /** The kinds an agent or lead writes (or announces) and may preview for one feedback. */
    public static final List<MessageKind> FOR_A_FEEDBACK = List.of(MessageKind.CASE_REPLY, MessageKind.CASE_RESOLUTION,
            MessageKind.CASE_ACKNOWLEDGEMENT, MessageKind.IMPROVEMENT);

    /**
     * The message a customer would get now.
     *
     * @param channel          the channel it would go out on: the first of the kind's channels the customer
     *                         can and may be reached on, else (see {@code suppressedReason}) the kind's first
     * @param contactKnown     false when the notifier knows no contact for the feedback yet: written in the
     *                         customer's language if an earlier message told it (else the default one) and
     *                         without a name
     * @param suppressedReason why the customer would get nothing now (no address, opted out, suppression
     *                         list), or null
     */
    public record CustomerPreview(MessageComposer.ComposedMessage message, String channel, boolean contactKnown,
                                  String suppressedReason) {
    }

    @Inject
    MessageComposer composer;

    @Inject
    UnsubscribeLinks links;

    @Inject
    FollowUpConfig config;

    @Inject
    ChannelChooser channels;

    @Inject
    CustomerPreferences preferences;

    /**
     * Writes a message as the dispatcher does (template, locale fallback, escaping), with the sample
     * customer's unsubscribe link on customer channels.
     *
     * @throws io.quarkus.qute.TemplateException when the template reads a value the content lacks
     */
    public MessageComposer.ComposedMessage render(String kind, String channel, String locale, String customerName,
                                                  String quote, String team, Instant respondBy, ZoneId zone,
                                                  Map<String, String> details) {
        return composer.compose(new MessageComposer.Content(kind, channel, locale, customerName, quote, team, respondBy,
                zone, details, ChannelChooser.WEBHOOK.equals(channel) ? null : links.url(SAMPLE_CUSTOMER, channel, locale)));
    }

    /**
     * The message of this kind about the feedback, written now with the live template for the
     * customer as the notifier knows them: the contact of the feedback (else the customer's latest,
     * as a real message is addressed), their language and zone, the case, team and the customer's
     * own words from the messages already written about the feedback. {@code text} is the reply,
     * the resolution or the improvement's message.
     *
     * @param caseId the case of a case message; may be null when an earlier message about the
     *               feedback names it, and must be that case if one does
     * @param title  an improvement's title (required for that kind)
     */
    @Transactional
    public CustomerPreview forFeedback(UUID feedbackId, MessageKind kind, String text, UUID caseId, String title) {
        if (!FOR_A_FEEDBACK.contains(kind)) {
            throw invalid("kind", "one-of", "must be one of " + FOR_A_FEEDBACK.stream().map(MessageKind::id).toList());
        }
        List<FollowUp> written = FollowUp.forFeedback(feedbackId);
        Optional<FollowUp> caseMessage = latest(written, f -> f.caseId != null);
        Map<String, String> details = new LinkedHashMap<>();
        if (kind == MessageKind.IMPROVEMENT) {
            if (title == null || title.isBlank()) {
                throw invalid("title", "required", "is required for an improvement: the subject of the message is its title");
            }
            details.put("title", title);
            details.put("message", text == null ? "" : text);
        } else {
            UUID theCase = caseOf(caseId, caseMessage);
            details.put("caseNumber", FollowUpPlanner.caseNumber(theCase));
            if (kind == MessageKind.CASE_REPLY) {
                details.put("reply", text == null ? "" : text);
            } else if (kind == MessageKind.CASE_RESOLUTION) {
                // as the planner writes it: every key the template reads, null when there is nothing to say
                details.put("resolution", text == null || text.isBlank() ? null : text);
            }
        }

        Optional<DirectoryContact> ownContact = DirectoryContact.findByIdOptional(feedbackId);
        String customerId = ownContact.map(c -> c.customerId)
                .or(() -> latest(written, f -> f.customerId != null && f.erasedAt == null).map(f -> f.customerId))
                .orElse(null);
        Optional<DirectoryContact> contact = ownContact.isPresent() ? ownContact
                : customerId == null ? Optional.empty() : DirectoryContact.lookup(customerId, feedbackId);
        // the language the events about this feedback gave (the feedback's own contact says the same), else the contact's
        String eventLocale = latest(written, f -> !MessageKind.IMPROVEMENT.id().equals(f.kind)).map(f -> f.locale)
                .orElse(null);
        String locale = MessageLocale.of(ownContact.map(c -> c.locale).filter(l -> !blank(l))
                .or(() -> Optional.ofNullable(eventLocale))
                .or(() -> contact.map(c -> c.locale))
                .orElse(null));

        List<String> preference = config.messages().get(kind.id()).channels();
        String channel = preference.get(0);
        String suppressedReason = null;
        String name = null;
        if (contact.isPresent()) {
            DirectoryContact c = contact.get();
            name = c.name;
            ChannelChooser.Choice choice = channels.choose(preference,
                    new CustomerContact(c.customerId, c.email, c.phone, c.name, locale, c.timeZone));
            if (choice.channel() != null) {
                channel = choice.channel();
            } else {
                suppressedReason = choice.refusal();
            }
        }
        ZoneId zone = preferences.zoneOf(customerId, locale);
        // the customer's own words as a reply quotes them: from the first message that quoted them
        String quote = FollowUpPlanner.quoteOf(feedbackId, null);
        // a case's team; an improvement's team is the announcing one, which only its event names
        String team = kind != MessageKind.IMPROVEMENT ? caseMessage.map(f -> f.ownerTeam).orElse(null) : null;
        Instant respondBy = kind == MessageKind.CASE_ACKNOWLEDGEMENT
                ? latest(written, f -> f.respondBy != null).map(f -> f.respondBy).orElse(null) : null;
        MessageComposer.ComposedMessage message = render(kind.id(), channel, locale, name, quote, team, respondBy, zone,
                details);
        return new CustomerPreview(message, channel, contact.isPresent(), suppressedReason);
    }

    /** The case asked about, which must be the feedback's if the notifier already knows that one. */
    private static UUID caseOf(UUID asked, Optional<FollowUp> known) {
        if (known.isPresent() && asked != null && !asked.equals(known.get().caseId)) {
            throw invalid("caseId", "case-of-feedback", "is not the case of this feedback");
        }
        UUID theCase = asked != null ? asked : known.map(f -> f.caseId).orElse(null);
        if (theCase == null) {
            throw invalid("caseId", "required", "is required: no message about this feedback names its case yet");
        }
        return theCase;
    }

    private static Optional<FollowUp> latest(List<FollowUp> oldestFirst, Predicate<FollowUp> which) {
        return oldestFirst.stream().filter(which).reduce((earlier, later) -> later);
    }

    private static ProblemException invalid(String field, String rule, String message) {
        return new ProblemException(Problem.invalid(List.of(new Problem.Violation(field, rule, message))));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
