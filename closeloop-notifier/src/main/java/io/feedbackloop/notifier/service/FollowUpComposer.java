package io.feedbackloop.notifier.service;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.feedbackloop.notifier.repository.FollowUp;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Writes the message a customer receives, from the Qute templates in {@code templates/followup/}
 * ({@code <kind>.<locale>.html|txt}). The HTML templates escape everything the customer wrote.
 */
@ApplicationScoped
public class FollowUpComposer {

    /** Subject, plain text and HTML of one message. */
    public record ComposedMessage(String subject, String text, String html) {
    }

    @Inject
    Engine engine;

    public ComposedMessage compose(FollowUp followUp) {
        String base = "followup/" + followUp.kind + "." + followUp.locale;
        Template html = engine.getTemplate(base + ".html");
        Template text = engine.getTemplate(base + ".txt");
        if (html == null || text == null) {
            throw new IllegalStateException("no template " + base);
        }
        Locale locale = Locale.forLanguageTag(followUp.locale);
        String respondBy = followUp.respondBy == null ? null
                : DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", locale).withZone(ZoneOffset.UTC)
                        .format(followUp.respondBy);
        String caseNumber = followUp.caseId == null ? null : followUp.caseId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String subject = subject(followUp.locale, caseNumber);
        return new ComposedMessage(subject,
                text.data("name", followUp.customerName).data("quote", followUp.quote).data("team", followUp.ownerTeam)
                        .data("respondBy", respondBy).data("caseNumber", caseNumber).render(),
                html.data("name", followUp.customerName).data("quote", followUp.quote).data("team", followUp.ownerTeam)
                        .data("respondBy", respondBy).data("caseNumber", caseNumber).data("subject", subject).render());
    }

    private static String subject(String locale, String caseNumber) {
        return "ru".equals(locale)
                ? "Мы услышали вас: обращение " + caseNumber + " открыто"
                : "We hear you: case " + caseNumber + " is open";
    }
}
