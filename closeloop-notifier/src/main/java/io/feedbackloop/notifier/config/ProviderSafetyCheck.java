package io.feedbackloop.notifier.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start with a provider set up so that customers' messages could be forged or read on
 * the way: a webhook without a signing secret (the receiver could not tell our posts from anyone's),
 * and, in production, an SMTP connection that may fall back to plain text to a server on another
 * machine (a relay on this machine's loopback, like the local run's GreenMail, crosses no network). Failing at start names
 * the setting to fix; failing at the first message would leave messages queued behind it.
 */
@ApplicationScoped
public class ProviderSafetyCheck {

    @Inject
    FollowUpConfig config;

    @ConfigProperty(name = "quarkus.mailer.start-tls", defaultValue = "OPTIONAL")
    String startTls;

    @ConfigProperty(name = "quarkus.mailer.tls", defaultValue = "false")
    boolean implicitTls;

    @ConfigProperty(name = "quarkus.mailer.host", defaultValue = "localhost")
    String mailHost;

    void onStart(@Observes StartupEvent event) {
        List<String> problems = problems(config.webhook().url(), config.webhook().secret(),
                LaunchMode.current() == LaunchMode.NORMAL && !isLoopback(mailHost), startTls, implicitTls);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("closeloop-notifier will not start: " + String.join("; ", problems));
        }
    }

    /** Whether mail to this host stays on this machine: a name or literal address of the loopback interface. */
    public static boolean isLoopback(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("::1") || h.equals("[::1]");
    }

    /**
     * What is unsafe in these settings, one sentence each naming what to set; empty when all is well.
     *
     * @param production  the prod profile (a deployment) with an SMTP server on another machine, so mail crosses
     *                    networks we do not own
     * @param startTls    {@code quarkus.mailer.start-tls}: DISABLED, OPTIONAL or REQUIRED
     * @param implicitTls {@code quarkus.mailer.tls}: TLS from the first byte (port 465), as good as STARTTLS required
     */
    public static List<String> problems(Optional<String> webhookUrl, Optional<String> webhookSecret, boolean production,
                                        String startTls, boolean implicitTls) {
        List<String> problems = new ArrayList<>();
        if (webhookUrl.filter(url -> !url.isBlank()).isPresent() && webhookSecret.filter(s -> !s.isBlank()).isEmpty()) {
            problems.add("followup.webhook.url is set but followup.webhook.secret (FOLLOWUP_WEBHOOK_SECRET) is not: "
                    + "the receiver could not verify that a post comes from us");
        }
        if (production && !implicitTls && !"REQUIRED".equals(startTls.toUpperCase(Locale.ROOT))) {
            problems.add("quarkus.mailer.start-tls is " + startTls + ": in production mail must go encrypted, set "
                    + "QUARKUS_MAILER_START_TLS=REQUIRED (or QUARKUS_MAILER_TLS=true for port 465)");
        }
        return problems;
    }
}
