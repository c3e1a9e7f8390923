package io.feedbackloop.notifier.client;

import java.time.Duration;

import io.feedbackloop.notifier.config.FollowUpConfig;
import io.feedbackloop.notifier.model.OutgoingMessage;
import io.feedbackloop.notifier.service.ChannelSender;
import io.feedbackloop.notifier.service.ProviderException;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Email through SMTP with a plain-text and an HTML part. The {@code Message-ID} is derived from the
 * message's idempotency key, so the copy a crash between send and record makes us send again is
 * the same message to every mail system that deduplicates on it; {@code List-Unsubscribe} with
 * one-click POST (RFC 8058) lets the mail client unsubscribe the customer too.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    @Inject
    ReactiveMailer mailer;

    @Inject
    FollowUpConfig config;

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public String send(OutgoingMessage message) {
        String messageId = "<" + message.id() + "@followup.feedbackloop>";
        Mail mail = Mail.withHtml(message.to(), message.subject(), message.html())
                .setText(message.text())
                .addHeader("Message-ID", messageId)
                .addHeader("X-Followup-Id", message.id().toString());
        if (message.unsubscribeUrl() != null) {
            mail.addHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">")
                    .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        try {
            mailer.send(mail).await().atMost(config.dispatch().sendTimeout());
        } catch (RuntimeException e) {
            SMTPException smtp = smtpCause(e);
            if (smtp != null) {
                throw new ProviderException("SMTP " + smtp.getReplyCode() + ": " + smtp.getReplyMessage(),
                        smtp.isPermanent(), null);
            }
            throw new ProviderException("SMTP server unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? " " + e.getMessage() : ""), false, (Duration) null);
        }
        return messageId;
    }

    private static SMTPException smtpCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }
}
