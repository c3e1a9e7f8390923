package io.feedbackloop.notifier.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The message templates as ops list and preview them. */
public final class TemplateViews {

    private TemplateViews() {
    }

    /** A message kind, the event that triggers it (if enabled) and the locales it is written in. */
    public record TemplateInfo(String kind, String event, boolean enabled, List<String> channels, List<String> locales) {
    }

    /** Sample content for a preview; everything but kind is optional. */
    public record PreviewRequest(@NotNull String kind, String channel, String locale,
                                 @Size(max = 200) String customerName, @Size(max = 20000) String quote,
                                 @Size(max = 100) String team, Instant respondBy, Map<String, String> details) {
    }

    public record Preview(String kind, String channel, String locale, String subject, String text, String html) {
    }
}
