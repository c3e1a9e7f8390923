package io.feedbackloop.notifier.service;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import io.feedbackloop.notifier.model.MessageLocale;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Writes a message from the Qute templates in {@code templates/followup/}, one set per kind and
 * locale: {@code <kind>.<locale>.txt} (first line the subject, then the plain-text body),
 * {@code <kind>.<locale>.html} (the HTML part, which escapes everything the customer or an agent
 * wrote) and {@code <kind>.<locale>.sms.txt}. A locale without templates falls back to English.
 */
@ApplicationScoped
public class MessageComposer {

    /** Subject, plain text and (for email) HTML of one message, and the locale it was written in. */
    public record ComposedMessage(String subject, String text, String html, String locale) {
    }

    /** Everything a template can use. */
    public record Content(String kind, String channel, String locale, String customerName, String quote, String team,
                          java.time.Instant respondBy, ZoneId zone, Map<String, String> details, String unsubscribeUrl) {
    }

    @Inject
    Engine engine;

    public ComposedMessage compose(Content content) {
        String locale = engine.getTemplate(base(content.kind(), content.locale()) + ".txt") != null
                ? content.locale() : MessageLocale.FALLBACK;
        String base = base(content.kind(), locale);
        Template text = require(base + ".txt");
        String[] subjectAndBody = render(text, content, locale, null).split("\n", 2);
        String subject = subjectAndBody[0].trim();
        String body = subjectAndBody.length > 1 ? subjectAndBody[1].strip() + "\n" : "";
        if (ChannelChooser.SMS.equals(content.channel())) {
            return new ComposedMessage(subject, render(require(base + ".sms.txt"), content, locale, subject).strip(), null, locale);
        }
        String html = ChannelChooser.EMAIL.equals(content.channel())
                ? render(require(base + ".html"), content, locale, subject) : null;
        return new ComposedMessage(subject, body, html, locale);
    }

    public boolean hasTemplates(String kind, String locale) {
        return engine.getTemplate(base(kind, locale) + ".txt") != null;
    }

    private String render(Template template, Content content, String locale, String subject) {
        Locale javaLocale = Locale.forLanguageTag(locale);
        String respondBy = content.respondBy() == null ? null
                : DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", javaLocale).withZone(content.zone())
                        .format(content.respondBy());
        TemplateInstance instance = template.instance()
                .data("name", blankToNull(content.customerName()))
                .data("quote", blankToNull(content.quote()))
                .data("team", blankToNull(content.team()))
                .data("respondBy", respondBy)
                .data("d", content.details() == null ? Map.of() : content.details())
                .data("unsubscribeUrl", content.unsubscribeUrl())
                .data("channel", content.channel())
                .data("subject", subject)
                .data("locale", locale);
        return instance.render();
    }

    private Template require(String id) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new MissingTemplateException(id);
        }
        return template;
    }

    private static String base(String kind, String locale) {
        return "followup/" + kind + "." + locale;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A kind, channel and locale nobody wrote a template for: a configuration error, never retried. */
    public static class MissingTemplateException extends RuntimeException {
        public MissingTemplateException(String id) {
            super("no template " + id);
        }
    }
}
