package io.feedbackloop.console.backend.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the settings pages read from the four services: rules and SLA policies (feedback-action),
 * the knowledge and its replays (feedback-categorize), channel keys and erasures (feedback-ingest),
 * message templates (closeloop-notifier). Unknown fields are ignored.
 */
public final class SettingsViews {

    private SettingsViews() {
    }

    /** A member just added; the generated password is in this answer only. */
    public record NewMember(String email, String initialPassword) {
    }

    /**
     * A rule's conditions: the case rules' keys and the routing rules' keys in one record, since
     * each kind only ever holds its own (the service refuses another kind's keys).
     */
    public record Conditions(List<String> scoreClasses, Integer npsMax, Integer csatMax, Integer cesMax,
                             List<String> sentiments, List<String> types, List<String> themes, List<String> urgency,
                             List<String> channels, List<String> segments, List<String> languages,
                             List<String> priorities) {

        /** One condition as a page shows it: its API key and its values. */
        public record Part(String key, String values) {
        }

        /** The conditions given, in the order the API documents them. */
        public List<Part> parts() {
            List<Part> out = new ArrayList<>();
            asMap().forEach((key, value) -> out.add(new Part(key,
                    value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                            : String.valueOf(value))));
            return out;
        }

        /** The conditions exactly as they were, to send back unchanged when only the rule's position moves. */
        public Map<String, Object> asMap() {
            Map<String, Object> out = new LinkedHashMap<>();
            put(out, "scoreClasses", scoreClasses);
            put(out, "npsMax", npsMax);
            put(out, "csatMax", csatMax);
            put(out, "cesMax", cesMax);
            put(out, "sentiments", sentiments);
            put(out, "types", types);
            put(out, "themes", themes);
            put(out, "urgency", urgency);
            put(out, "channels", channels);
            put(out, "segments", segments);
            put(out, "languages", languages);
            put(out, "priorities", priorities);
            return out;
        }

        private static void put(Map<String, Object> out, String key, Object value) {
            if (value != null) {
                out.put(key, value);
            }
        }
    }

    /** A case rule or a routing rule: the fields both kinds share and each kind's own. */
    public record Rule(UUID id, String name, int position, boolean enabled, Conditions conditions,
                       String casePriority, String teamId, String assignee, Instant updatedAt) {
    }

    public record SlaPolicy(String priority, int firstResponseMinutes, int resolutionMinutes, boolean businessHours,
                            Instant updatedAt) {
        public double firstResponseSeconds() {
            return firstResponseMinutes * 60.0;
        }

        public double resolutionSeconds() {
            return resolutionMinutes * 60.0;
        }
    }

    // ---- feedback-categorize: knowledge and replays ----

    public record Theme(String id, Map<String, String> label, Map<String, List<String>> terms, List<Theme> children) {
    }

    public record KnowledgeDocument(List<Theme> themes, Map<String, Map<String, List<String>>> lexicons) {
    }

    public record KnowledgeVersion(int version, Instant createdAt, String createdBy, String comment,
                                   KnowledgeDocument document) {
    }

    /** What a replay changed: each field or theme with how many feedback it concerned. */
    public record ReplayReport(Map<String, Integer> changedFields, Map<String, Integer> themesAdded,
                               Map<String, Integer> themesRemoved, String error) {
        public String changedText() {
            return text(changedFields);
        }

        public String addedText() {
            return text(themesAdded);
        }

        public String removedText() {
            return text(themesRemoved);
        }

        private static String text(Map<String, Integer> counts) {
            if (counts == null || counts.isEmpty()) {
                return "";
            }
            StringBuilder out = new StringBuilder();
            counts.forEach((name, n) -> out.append(out.isEmpty() ? "" : " · ").append(name).append(": ").append(n));
            return out.toString();
        }
    }

    public record Replay(UUID id, String status, boolean dryRun, Instant from, Instant to, Integer knowledgeVersion,
                         Integer modelVersion, Instant requestedAt, String requestedBy, Instant finishedAt, int total,
                         int processed, int changed, ReplayReport report) {
        public boolean running() {
            return "running".equals(status);
        }

        public long percent() {
            return total == 0 ? ("completed".equals(status) ? 100 : 0) : Math.round(processed * 100.0 / total);
        }
    }

    // ---- feedback-ingest: channel keys and erasures ----

    public record ApiKey(UUID id, String channel, String label, String keyPrefix, String key, Instant createdAt,
                         Instant revokedAt) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    public record Confirmation(String service, long rowsAffected, Instant confirmedAt) {
    }

    public record Erasure(UUID id, String customerRef, boolean eraseText, String requestedBy, Instant requestedAt,
                          String status, Instant completedAt, List<Confirmation> confirmations,
                          List<String> waitingFor) {
        public boolean pending() {
            return "pending".equals(status);
        }
    }

    // ---- closeloop-notifier: message templates ----

    public record TemplateInfo(String kind, String event, boolean enabled, List<String> channels,
                               List<String> locales) {
    }

    public record TemplatePreview(String kind, String channel, String locale, String subject, String text,
                                  String html) {
    }
}
